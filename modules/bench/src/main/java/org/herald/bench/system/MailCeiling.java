package org.herald.bench.system;

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
 */
final class MailCeiling {

    /** The sizes of the text and HTML parts of Herald's announcement email (measured). */
    static final int TEXT_CHARS = 1_900;

    static final int HTML_CHARS = 5_800;

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
        String text = "x".repeat(TEXT_CHARS - 1) + "\n";
        String html = "<p>" + "y".repeat(HTML_CHARS - 8) + "</p>\n";
        for (int i = 0; i < count; i++) {
            messages.add(message(i, text, html));
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

    private MimeMessage message(int i, String text, String html) throws Exception {
        MimeMessage message = new MimeMessage(this.session);
        message.setFrom(new InternetAddress("Herald <herald@localhost>"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("member" + i + "@bench.example"));
        message.setSubject("UK and US sign Memorandum of Understanding on critical minerals", "UTF-8");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8", "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
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
