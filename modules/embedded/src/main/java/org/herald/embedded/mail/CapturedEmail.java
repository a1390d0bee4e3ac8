package org.herald.embedded.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message the embedded SMTP server accepted, as the dev inbox shows it.
 *
 * @param id a stable id (the file name in the mail folder, without {@code .eml})
 * @param receivedAt when the server accepted it
 * @param envelopeRecipients the SMTP {@code RCPT TO} addresses
 * @param from the {@code From} addresses
 * @param to the {@code To} addresses
 * @param subject the subject, or empty
 * @param sentAt the {@code Date} header, or {@code null}
 * @param text the {@code text/plain} body, or {@code null}
 * @param html the {@code text/html} body, or {@code null}
 * @param headers every header, in order
 */
public record CapturedEmail(String id, Instant receivedAt, List<String> envelopeRecipients, List<String> from,
        List<String> to, String subject, Instant sentAt, String text, String html, List<Header> headers) {

    public CapturedEmail {
        envelopeRecipients = List.copyOf(envelopeRecipients);
        from = List.copyOf(from);
        to = List.copyOf(to);
        headers = List.copyOf(headers);
    }

    /** The first value of header {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        return this.headers.stream()
            .filter((header) -> header.name().equalsIgnoreCase(name))
            .map(Header::value)
            .findFirst();
    }

    /**
     * One message header.
     *
     * @param name its name
     * @param value its (unfolded, still encoded) value
     */
    public record Header(String name, String value) {
    }

}
