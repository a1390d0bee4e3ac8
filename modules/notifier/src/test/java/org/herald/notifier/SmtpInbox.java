package org.herald.notifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server (GreenMail, on a free port) for a whole test class, as a JUnit 5
 * extension: {@code @RegisterExtension static final SmtpInbox smtp = new SmtpInbox();}.
 * Under {@link NotifierTest} the notifier sends to it; it keeps every message it accepts.
 */
public final class SmtpInbox extends GreenMailExtension implements ContextProperties {

    public SmtpInbox() {
        super(ServerSetupTest.SMTP.dynamicPort());
        withPerMethodLifecycle(false);
    }

    @Override
    public Map<String, Supplier<Object>> properties() {
        return Map.of("spring.mail.host", () -> getSmtp().getBindTo(), "spring.mail.port", () -> getSmtp().getPort());
    }

    /** The messages received so far with {@code address} among their recipients. */
    public List<MimeMessage> messagesTo(String address) {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : getReceivedMessages()) {
            Address[] recipients;
            try {
                recipients = message.getAllRecipients();
            }
            catch (MessagingException ex) {
                continue;
            }
            if (recipients != null && Arrays.stream(recipients).anyMatch((to) -> to.toString().contains(address))) {
                messages.add(message);
            }
        }
        return messages;
    }

    /**
     * Waits (30 s at the most) for at least {@code count} messages to {@code address}.
     */
    public List<MimeMessage> awaitMessages(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(address).size() >= count);
        return messagesTo(address);
    }

}
