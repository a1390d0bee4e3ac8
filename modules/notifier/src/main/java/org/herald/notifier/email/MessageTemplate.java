package org.herald.notifier.email;

import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import org.jspecify.annotations.Nullable;
import org.unbescape.html.HtmlEscape;

/**
 * An email as MIME bytes, all but each member's part written once: the {@code From} and
 * {@code Subject} headers, the boundary, and the text and HTML bodies quoted-printable
 * encoded ({@link QuotedPrintable}) with a slot for each member's links. For a member it
 * writes the {@code Date}, {@code To}, {@code Message-ID} and {@code List-Unsubscribe}
 * headers and encodes only the links, so a fan-out neither renders nor encodes its body
 * once a member. The message is what Jakarta Mail writes for the same email (a
 * {@code multipart/alternative} of {@code text/plain} and {@code text/html}, UTF-8,
 * quoted-printable, declared so nothing scans the content to choose), the same headers
 * included.
 */
final class MessageTemplate {

    /** The slot of the one-click unsubscribe link. */
    static final int UNSUBSCRIBE = 0;

    /** The slot of the preferences link. */
    static final int PREFERENCES = 1;

    /** The slot of the follow link. */
    static final int FOLLOW = 2;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Dates DATES = new Dates();

    private final InternetAddress from;

    private final byte[] fromHeader;

    private final byte[] beforeListUnsubscribe;

    private final byte[] beforeText;

    private final Body text;

    private final byte[] beforeHtml;

    private final Body html;

    private final byte[] end;

    private final int size;

    /**
     * A template of the text and HTML each in pieces, {@code pieces[i]}, then the link of
     * slot {@code slots[i]}, and so on, the last piece after the last slot.
     */
    MessageTemplate(String from, String subject, String[] textPieces, int[] textSlots, String[] htmlPieces,
            int[] htmlSlots) throws MessagingException, UnsupportedEncodingException {
        this.from = new InternetAddress(from, true);
        String boundary = "----=_Herald_" + Long.toHexString(RANDOM.nextLong() | Long.MIN_VALUE);
        this.fromHeader = ascii(addressHeader("From", this.from));
        this.beforeListUnsubscribe = ascii(
                "Subject: " + MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null))
                        + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; \r\n\tboundary=\"" + boundary
                        + "\"\r\nAuto-Submitted: auto-generated\r\n");
        this.beforeText = ascii("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\n" + part(boundary, "plain"));
        this.text = new Body(textPieces, textSlots);
        this.beforeHtml = ascii("\r\n" + part(boundary, "html"));
        this.html = new Body(htmlPieces, htmlSlots);
        this.end = ascii("\r\n--" + boundary + "--\r\n");
        this.size = this.fromHeader.length + this.beforeListUnsubscribe.length + this.beforeText.length + this.text.size
                + this.beforeHtml.length + this.html.size + this.end.length;
    }

    /** A template without slots: the email as composed, for one member. */
    static EncodedEmail encode(ComposedEmail email) throws MessagingException, UnsupportedEncodingException {
        return new MessageTemplate(email.from(), email.subject(), new String[] { email.text() }, new int[0],
                new String[] { email.html() }, new int[0])
            .write(email.to(), email.toName(), email.messageId(), email.unsubscribeUrl(), new String[3]);
    }

    /**
     * The email for one member.
     * @param to their address
     * @param toName their name, or null
     * @param messageId the {@code Message-ID}, angle brackets included
     * @param unsubscribeUrl the one-click unsubscribe URL, for {@code List-Unsubscribe}
     * @param links the links for the slots, by {@link #UNSUBSCRIBE}, {@link #PREFERENCES}
     * and {@link #FOLLOW}; null for a slot the template does not have
     */
    EncodedEmail write(String to, @Nullable String toName, String messageId, String unsubscribeUrl,
            @Nullable String[] links) throws MessagingException, UnsupportedEncodingException {
        InternetAddress recipient = new InternetAddress(to, true);
        if (toName != null) {
            recipient.setPersonal(toName, "UTF-8");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(this.size + 1024);
        out.writeBytes(ascii("Date: " + DATES.now() + "\r\n"));
        out.writeBytes(this.fromHeader);
        out.writeBytes(ascii(addressHeader("To", recipient) + "Message-ID: " + messageId + "\r\n"));
        out.writeBytes(this.beforeListUnsubscribe);
        out.writeBytes(ascii("List-Unsubscribe: <" + unsubscribeUrl + ">\r\n"));
        out.writeBytes(this.beforeText);
        this.text.write(out, links, false);
        out.writeBytes(this.beforeHtml);
        this.html.write(out, links, true);
        out.writeBytes(this.end);
        return new EncodedEmail(to, messageId, this.from, out.toByteArray());
    }

    private static String addressHeader(String name, InternetAddress address) {
        int used = name.length() + 2;
        return name + ": " + MimeUtility.fold(used, InternetAddress.toString(new Address[] { address }, used)) + "\r\n";
    }

    private static String part(String boundary, String subtype) {
        return "--" + boundary + "\r\nContent-Type: text/" + subtype
                + "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    }

    private static byte[] ascii(String header) {
        // Headers are ASCII (encoded words for anything else); a stray character is sent
        // as UTF-8, as Jakarta Mail would.
        return header.getBytes(StandardCharsets.UTF_8);
    }

    /** A body's pieces, encoded, and its slots. */
    private static final class Body {

        private final QuotedPrintable.Segment[] pieces;

        private final int[] slots;

        private final int size;

        Body(String[] pieces, int[] slots) {
            this.pieces = new QuotedPrintable.Segment[pieces.length];
            int total = 0;
            for (int i = 0; i < pieces.length; i++) {
                this.pieces[i] = QuotedPrintable.encode(pieces[i]);
                total += this.pieces[i].bytes().length + 3;
            }
            this.slots = slots;
            this.size = total;
        }

        void write(ByteArrayOutputStream out, @Nullable String[] links, boolean html) {
            boolean atLineStart = true;
            for (int i = 0; i < this.slots.length; i++) {
                atLineStart = QuotedPrintable.append(out, atLineStart, this.pieces[i]);
                String link = links[this.slots[i]];
                if (link == null) {
                    throw new IllegalArgumentException("No link for slot " + this.slots[i]);
                }
                atLineStart = QuotedPrintable.append(out, atLineStart,
                        QuotedPrintable.encode(html ? HtmlEscape.escapeHtml4Xml(link) : link));
            }
            QuotedPrintable.append(out, atLineStart, this.pieces[this.pieces.length - 1]);
        }

    }

    /** The {@code Date} header's value, formatted once a second. */
    private static final class Dates {

        private final MailDateFormat format = new MailDateFormat();

        private long second = Long.MIN_VALUE;

        private String formatted = "";

        synchronized String now() {
            long now = System.currentTimeMillis();
            if (now / 1000 != this.second) {
                this.second = now / 1000;
                this.formatted = this.format.format(new Date(this.second * 1000));
            }
            return this.formatted;
        }

    }

}
