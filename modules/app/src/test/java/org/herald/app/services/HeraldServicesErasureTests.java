package org.herald.app.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.herald.embedded.mail.CapturedEmail;
import org.herald.embedded.mail.EmbeddedSmtp;
import org.herald.notifier.privacy.MemberErased;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member erased in the notifier's context leaves the app's dev inbox too: the
 * {@link MemberErased} event the notifier publishes reaches the embedded SMTP server,
 * which forgets their captured mail (issue 14).
 */
class HeraldServicesErasureTests {

    @TempDir
    Path dataDirectory;

    @Test
    void theNotifiersMemberErasedEventEmptiesTheirMailFromTheDevInbox() throws Exception {
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(this.dataDirectory);
                GenericApplicationContext notifier = new GenericApplicationContext()) {
            send(smtp, "ada@example.org");
            send(smtp, "bob@example.org");
            await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages().size() == 2);
            notifier.addApplicationListener(HeraldServices.erasures(smtp::forget));
            notifier.refresh();

            notifier.publishEvent(new MemberErased(UUID.randomUUID(), "ada@example.org"));

            assertThat(smtp.messages()).flatExtracting(CapturedEmail::envelopeRecipients)
                .containsExactly("bob@example.org");
        }
    }

    private static void send(EmbeddedSmtp smtp, String recipient) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("herald@example.org"));
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject("An announcement");
        message.setText("Text");
        Transport.send(message);
    }

}
