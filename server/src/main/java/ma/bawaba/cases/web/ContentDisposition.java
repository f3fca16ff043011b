package ma.bawaba.cases.web;

import java.nio.charset.StandardCharsets;
import ma.bawaba.cases.attachments.Attachments;

/**
 * The Content-Disposition of a download (RFC 6266): an ASCII {@code filename} for old clients and the exact name as
 * RFC 8187 {@code filename*}. Names are cleaned as at upload (no invisible characters, whenever the name was stored)
 * and cut to 120 characters, so that the header stays short whatever the script (an Arabic character takes 6
 * characters once encoded).
 */
public final class ContentDisposition {

    private static final int MAX_NAME = 120;
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        String safe = Attachments.safeFileName(fileName);
        int points = safe.codePointCount(0, safe.length());
        // the end of a long name is kept: it holds the extension
        String name = points > MAX_NAME ? safe.substring(safe.offsetByCodePoints(0, points - MAX_NAME)) : safe;
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        name.codePoints().forEach(point -> ascii.append(point >= 0x20 && point < 0x7F && point != '"' && point != '\\'
                ? (char) point : '_'));
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
