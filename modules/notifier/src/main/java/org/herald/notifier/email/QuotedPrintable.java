package org.herald.notifier.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable (RFC 2045 §6.7) of UTF-8 text, a segment at a time, so the parts of an
 * email that every member shares are encoded once and only each member's links are
 * encoded per member. A segment starts a new encoded line: when the text before it did
 * not end in a line break, a soft line break ({@code =} CRLF, which decodes to nothing)
 * goes first. Line breaks (CR, LF or CRLF) become CRLF; encoded lines hold at most 76
 * characters; a space or tab before a line break or at the end of a segment is encoded.
 * The output never holds {@code =_}, so a boundary with it cannot occur in a part.
 */
final class QuotedPrintable {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private static final int MAX_LINE = 75; // and the "=" of a soft line break

    private QuotedPrintable() {
    }

    /**
     * A segment of text, encoded.
     *
     * @param bytes the encoded segment, empty for empty text
     * @param endsLine whether the text ended with a line break
     */
    record Segment(byte[] bytes, boolean endsLine) {

        boolean isEmpty() {
            return this.bytes.length == 0;
        }

    }

    /** The text encoded from the start of a line. */
    static Segment encode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 8 + 16);
        int column = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '\r' || b == '\n') {
                out.write('\r');
                out.write('\n');
                column = 0;
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                continue;
            }
            boolean escape;
            if (b == ' ' || b == '\t') {
                escape = (i + 1 < in.length) ? (in[i + 1] == '\r' || in[i + 1] == '\n') : true;
            }
            else {
                escape = b < 33 || b > 126 || b == '=';
            }
            int length = escape ? 3 : 1;
            if (column + length > MAX_LINE) {
                softBreak(out);
                column = 0;
            }
            if (escape) {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0x0f]);
            }
            else {
                out.write(b);
            }
            column += length;
        }
        boolean endsLine = in.length > 0 && (in[in.length - 1] == '\n' || in[in.length - 1] == '\r');
        return new Segment(out.toByteArray(), endsLine);
    }

    /**
     * Appends {@code segment} to a part whose encoded text so far ends a line when
     * {@code atLineStart}; answers whether the part now does.
     */
    static boolean append(ByteArrayOutputStream part, boolean atLineStart, Segment segment) {
        if (segment.isEmpty()) {
            return atLineStart;
        }
        if (!atLineStart) {
            softBreak(part);
        }
        part.writeBytes(segment.bytes());
        return segment.endsLine();
    }

    private static void softBreak(ByteArrayOutputStream out) {
        out.write('=');
        out.write('\r');
        out.write('\n');
    }

}
