package ma.bawaba.cases.attachments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells what a file is from its bytes, never from its name or its declared type, and accepts only documents a case
 * needs: PDF, JPEG, PNG, and office documents (Word, Excel and PowerPoint, old and new, and OpenDocument). Anything
 * else (an executable renamed .pdf, an archive, a script, an installer) is refused.
 *
 * <p>Office documents are archives: OOXML and OpenDocument are ZIP files, the older formats OLE2 compound files.
 * For ZIP, the central directory is read for entry names without inflating anything (no zip bomb can cost more
 * than reading the bytes once); for OLE2, the stream names that Office writes are looked for, which an MSI
 * installer (also OLE2) does not have.
 */
public final class DocumentFormats {

    private DocumentFormats() {
    }

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String DOC = "application/msword";
    public static final String XLS = "application/vnd.ms-excel";
    public static final String PPT = "application/vnd.ms-powerpoint";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    public static final String ODP = "application/vnd.oasis.opendocument.presentation";

    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] ZIP_NEXT = {'P', 'K'};
    private static final int ZIP_END_OF_DIRECTORY = 0x06054b50;
    private static final int ZIP_DIRECTORY_ENTRY = 0x02014b50;

    /** The media type of an accepted document, or empty when the content is not one. */
    public static Optional<String> detect(byte[] content) {
        if (startsWith(content, 0, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, OLE2_MAGIC)) {
            return legacyOffice(content);
        }
        if (startsWith(content, 0, ZIP_MAGIC)) {
            return zippedOffice(content);
        }
        return Optional.empty();
    }

    private static Optional<String> legacyOffice(byte[] content) {
        if (contains(content, utf16("WordDocument"))) {
            return Optional.of(DOC);
        }
        if (contains(content, utf16("Workbook")) || contains(content, utf16("Book"))) {
            return Optional.of(XLS);
        }
        if (contains(content, utf16("PowerPoint Document"))) {
            return Optional.of(PPT);
        }
        return Optional.empty();
    }

    private static Optional<String> zippedOffice(byte[] content) {
        // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the media type itself.
        int nameLength = u16(content, 26);
        int extraLength = u16(content, 28);
        if (nameLength == 8 && startsWith(content, 30, ascii("mimetype"))) {
            int at = 30 + nameLength + extraLength;
            for (String odf : List.of(ODT, ODS, ODP)) {
                byte[] type = ascii(odf);
                // the next entry's header follows at once, so that "...texttemplate" is not taken for "...text"
                if (startsWith(content, at, type) && startsWith(content, at + type.length, ZIP_NEXT)) {
                    return Optional.of(odf);
                }
            }
            return Optional.empty();
        }
        List<String> names = zipEntryNames(content);
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (names.contains("word/document.xml")) {
            return Optional.of(DOCX);
        }
        if (names.contains("xl/workbook.xml")) {
            return Optional.of(XLSX);
        }
        if (names.contains("ppt/presentation.xml")) {
            return Optional.of(PPTX);
        }
        return Optional.empty();
    }

    /** Entry names from the ZIP central directory (nothing is inflated); empty when the directory is malformed. */
    static List<String> zipEntryNames(byte[] content) {
        int end = -1;
        for (int at = content.length - 22; at >= Math.max(0, content.length - 22 - 65535); at--) {
            if (u32(content, at) == ZIP_END_OF_DIRECTORY) {
                end = at;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (end < 0) {
            return names;
        }
        int entries = u16(content, end + 10);
        long at = u32(content, end + 16) & 0xFFFFFFFFL;
        for (int i = 0; i < entries && at + 46 <= content.length; i++) {
            int position = (int) at;
            if (u32(content, position) != ZIP_DIRECTORY_ENTRY) {
                return List.of();
            }
            int nameLength = u16(content, position + 28);
            int extraLength = u16(content, position + 30);
            int commentLength = u16(content, position + 32);
            if (position + 46 + nameLength > content.length) {
                return List.of();
            }
            names.add(new String(content, position + 46, nameLength, StandardCharsets.UTF_8));
            at = (long) position + 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static boolean startsWith(byte[] content, int at, byte[] prefix) {
        if (at < 0 || content.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] content, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= content.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int u16(byte[] content, int at) {
        return at < 0 || at + 2 > content.length ? -1 : (content[at] & 0xFF) | (content[at + 1] & 0xFF) << 8;
    }

    private static int u32(byte[] content, int at) {
        return at < 0 || at + 4 > content.length ? -1 : (content[at] & 0xFF) | (content[at + 1] & 0xFF) << 8
                | (content[at + 2] & 0xFF) << 16 | (content[at + 3] & 0xFF) << 24;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }
}
