package ma.bawaba.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small documents with real signatures, as a citizen's or an institution's files would start. */
public final class Files {

    private Files() {
    }

    public static byte[] pdf(int size) {
        return padded("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n", size);
    }

    public static byte[] png(int size) {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        return Arrays.copyOf(header, Math.max(size, header.length));
    }

    /** A Windows executable: "MZ", the DOS stub, a PE header, as a renamed .exe starts. */
    public static byte[] executable() {
        return padded("MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode.\r\nPE\u0000\u0000", 4096);
    }

    /** A minimal Word (OOXML) document: a ZIP with the parts Word writes. */
    public static byte[] docx() {
        return zip("[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>", "word/document.xml", "<w:document/>");
    }

    /** A ZIP that is not an office document. */
    public static byte[] plainZip() {
        return zip("notes.txt", "hello", "run.sh", "#!/bin/sh");
    }

    private static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static byte[] padded(String start, int size) {
        byte[] head = start.getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = Arrays.copyOf(head, Math.max(size, head.length));
        for (int i = head.length; i < content.length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        return content;
    }
}
