package org.herald.embedded.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedSmtpTests {

    private static final Instant SENT = Instant.parse("2026-02-04T10:15:30Z");

    @TempDir
    Path dataDirectory;

    @Test
    void capturesAMultipartMessageWithItsAddressesPartsAndHeaders() throws Exception {
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(this.dataDirectory)) {
            send(smtp, "UK and US sign Memorandum of Understanding on critical minerals", "ada@example.org",
                    "bob@example.org");

            await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages().size() == 1);
            CapturedEmail email = smtp.messages().get(0);
            assertThat(email.subject()).isEqualTo("UK and US sign Memorandum of Understanding on critical minerals");
            assertThat(email.from()).containsExactly("Herald <herald@example.org>");
            assertThat(email.to()).containsExactly("ada@example.org", "bob@example.org");
            assertThat(email.envelopeRecipients()).containsExactly("ada@example.org", "bob@example.org");
            assertThat(email.sentAt()).isEqualTo(SENT);
            assertThat(email.text()).contains("Securing critical mineral supply chains");
            assertThat(email.html()).contains("<strong>critical minerals</strong>");
            assertThat(email.header("X-Herald-Delivery")).hasValue("d-1");
            assertThat(smtp.message(email.id())).hasValue(email);
        }
    }

    @Test
    void keepsCapturedMessagesAcrossStopAndStart() throws Exception {
        int port;
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(this.dataDirectory)) {
            send(smtp, "first", "ada@example.org");
            await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages().size() == 1);
            port = smtp.port();
        }
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(this.dataDirectory)) {
            assertThat(smtp.port()).isEqualTo(port);
            send(smtp, "second", "ada@example.org");
            await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages().size() == 2);
            assertThat(smtp.messages()).extracting(CapturedEmail::subject).containsExactly("second", "first");
            assertThat(smtp.messages().get(1).html()).contains("<strong>critical minerals</strong>");
        }
    }

    @Test
    void keepsOnlyTheNewestMessagesAndClearsOnRequest() throws Exception {
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(this.dataDirectory, 0, 2)) {
            for (String subject : new String[] { "one", "two", "three" }) {
                send(smtp, subject, "ada@example.org");
            }
            await().atMost(Duration.ofSeconds(10))
                .until(() -> smtp.messages().stream().anyMatch((email) -> email.subject().equals("three")));
            assertThat(smtp.messages()).extracting(CapturedEmail::subject).containsExactly("three", "two");
            assertThat(this.dataDirectory.resolve("mail")).isDirectoryContaining("glob:**.eml");

            smtp.clear();
            assertThat(smtp.messages()).isEmpty();
            assertThat(this.dataDirectory.resolve("mail")).isEmptyDirectory();
        }
    }

    @Test
    void forgetsEveryMessageToAnErasedAddressAndKeepsTheRest() throws Exception {
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(this.dataDirectory)) {
            send(smtp, "to ada", "ada@example.org");
            send(smtp, "to bob", "bob@example.org");
            send(smtp, "to ada again", "Ada@Example.org");
            await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages().size() == 3);

            assertThat(smtp.forget("ada@example.org")).isEqualTo(2);

            assertThat(smtp.messages()).extracting(CapturedEmail::subject).containsExactly("to bob");
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(this.dataDirectory.resolve("mail"))) {
                assertThat(files.filter((file) -> file.toString().endsWith(".eml"))).hasSize(1);
            }
        }
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(this.dataDirectory)) {
            assertThat(smtp.messages()).as("gone from disk too")
                .extracting(CapturedEmail::subject)
                .containsExactly("to bob");
        }
    }

    private static void send(EmbeddedSmtp smtp, String subject, String... recipients) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("herald@example.org", "Herald"));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject);
        message.setSentDate(Date.from(SENT));
        message.setHeader("X-Herald-Delivery", "d-1");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Securing critical mineral supply chains.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Tags: <strong>critical minerals</strong></p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        Transport.send(message);
    }

}
