package org.herald.embedded.mail;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Turns a stored message into a {@link CapturedEmail}: addresses, subject, date, text and
 * HTML parts, headers.
 */
final class MailParser {

    /**
     * A header the archive adds in front of each stored message: the SMTP envelope's
     * recipients.
     */
    static final String ENVELOPE_TO = "X-Herald-Envelope-To";

    private static final Session SESSION = Session.getInstance(new Properties());

    private MailParser() {
    }

    static CapturedEmail parse(String id, Instant receivedAt, InputStream raw) throws IOException {
        try {
            MimeMessage message = new MimeMessage(SESSION, raw);
            Bodies bodies = new Bodies();
            bodies.collect(message);
            List<CapturedEmail.Header> headers = new ArrayList<>();
            for (jakarta.mail.Header header : Collections.list(message.getAllHeaders())) {
                headers.add(new CapturedEmail.Header(header.getName(), header.getValue()));
            }
            String[] envelope = message.getHeader(ENVELOPE_TO);
            List<String> envelopeRecipients = (envelope != null)
                    ? Arrays.stream(envelope[0].split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList()
                    : List.of();
            Date sent = message.getSentDate();
            String subject = message.getSubject();
            return new CapturedEmail(id, receivedAt, envelopeRecipients, addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)), (subject != null) ? subject : "",
                    (sent != null) ? sent.toInstant() : null, bodies.text, bodies.html, headers);
        }
        catch (MessagingException ex) {
            throw new IOException("Unreadable message " + id, ex);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses)
            .map((address) -> (address instanceof InternetAddress internet) ? internet.toUnicodeString()
                    : address.toString())
            .toList();
    }

    private static final class Bodies {

        private String text;

        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("text/plain") && this.text == null) {
                this.text = content(part);
            }
            else if (part.isMimeType("text/html") && this.html == null) {
                this.html = content(part);
            }
            else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }

        private static String content(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            return (content instanceof String string) ? string : null;
        }

    }

}
