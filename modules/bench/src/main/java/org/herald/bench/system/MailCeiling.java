package org.herald.bench.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The raw ceiling of email: a plain Jakarta Mail client sending pre-built messages (one
 * per recipient, each its own Message-ID, of the size of Herald's) over reused
 * connections ({@code TCP_NODELAY}), each connection on a thread of its own.
 * <p>
 * Pre-built means built and encoded before the clock starts: each message is written to
 * its MIME bytes once, then parsed back into a {@link MimeMessage}, which Jakarta Mail
 * writes out as those bytes unchanged at {@code sendMessage} (a message built from parts
 * would be encoded again, quoted-printable and multipart, at every send, and that, not
 * the sink, bounded the ceiling).
 */
final class MailCeiling {

    /** The sizes of the text and HTML parts of Herald's announcement email (measured). */
    static final int TEXT_CHARS = 1_900;

    static final int HTML_CHARS = 5_800;

    private static final String TEXT = "x".repeat(TEXT_CHARS - 1) + "\n";

    private static final String HTML = "<p>" + "y".repeat(HTML_CHARS - 8) + "</p>\n";

    private final Session session;

    MailCeiling(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        // Without Nagle's delay, as Herald sends (Jakarta Mail's many small writes wait
        // for
        // delayed ACKs otherwise: about 20 messages a second per connection).
        properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        this.session = Session.getInstance(properties);
    }

    /**
     * Sends {@code count} messages over {@code connections}; answers the seconds it took.
     */
    double send(int count, int connections) throws Exception {
        List<MimeMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(message(i));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Transport> transports = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Transport transport = this.session.getTransport("smtp");
                transport.connect();
                transports.add(transport);
            }
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Transport transport : transports) {
                running.add(threads.submit(() -> {
                    int index;
                    while ((index = next.getAndIncrement()) < count) {
                        MimeMessage message = messages.get(index);
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Transport transport : transports) {
                transport.close();
            }
            return seconds;
        }
        finally {
            threads.shutdownNow();
        }
    }

    /**
     * The message {@code i}, encoded once to its bytes and parsed back, so that sending
     * it writes those bytes and encodes nothing.
     */
    MimeMessage message(int i) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(12_000);
        built(i).writeTo(bytes);
        return new MimeMessage(this.session, new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** The message {@code i} built from its parts, encoded at every {@code writeTo}. */
    MimeMessage built(int i) throws Exception {
        MimeMessage message = new MimeMessage(this.session);
        message.setFrom(new InternetAddress("Herald <herald@localhost>"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("member" + i + "@bench.example"));
        message.setSubject("UK and US sign Memorandum of Understanding on critical minerals", "UTF-8");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(TEXT, "UTF-8", "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(HTML, "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        message.setContent(alternative);
        message.setHeader("List-Unsubscribe", "<https://herald.example/unsubscribe?token=" + UUID.randomUUID() + ">");
        message.saveChanges();
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "." + i + "@herald>");
        return message;
    }

}
