package org.herald.notifier.email;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import javax.net.SocketFactory;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.herald.notifier.ScriptedSmtpServer;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP transport's sockets: without Nagle's delay (each of Jakarta Mail's small
 * writes would otherwise wait for the server's delayed ACK), over a real SMTP
 * conversation; a socket factory the operator configured is left alone.
 */
class MailTransportTests {

    private final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    @AfterEach
    void close() throws Exception {
        this.smtp.close();
    }

    @Test
    void sendsOverSocketsWithoutNaglesDelay() throws Exception {
        JavaMailSenderImpl mail = sender();
        MailTransport transport = new MailTransport(mail, properties(), Duration.ofSeconds(60));

        Object factory = mail.getSession().getProperties().get(NoDelaySockets.PROPERTY);
        assertThat(factory).isInstanceOf(SocketFactory.class);
        try (Socket socket = ((SocketFactory) factory).createSocket(InetAddress.getLoopbackAddress(),
                this.smtp.port())) {
            assertThat(socket.getTcpNoDelay()).as("TCP_NODELAY").isTrue();
        }
        for (int i = 0; i < 3; i++) {
            MailResult result = transport.send("member" + i + "@example.org", message(transport, i));
            assertThat(result).isEqualTo(new MailResult.Done(DeliveryOutcome.sent()));
        }
        assertThat(this.smtp.received()).hasSize(3);
        assertThat(this.smtp.connections()).as("connections: the one probed above, and one reused for all three")
            .isEqualTo(2);
        transport.close();
    }

    @Test
    void breaksAWriteToAServerThatStoppedReadingAtTheSendsDeadlineWithoutAWriteTimeout() throws Exception {
        JavaMailSenderImpl mail = sender();
        Properties configured = new Properties();
        configured.setProperty("mail.smtp.writetimeout", "120000");
        mail.setJavaMailProperties(configured);
        MailTransport transport = new MailTransport(mail, properties(), Duration.ofSeconds(1));
        assertThat(mail.getSession().getProperties()).as("no timer around each write: the deadline bounds them")
            .doesNotContainKey("mail.smtp.writetimeout");
        this.smtp.stopReadingAtData(1);
        MimeMessage large = message(transport, 0);
        // Larger than the sockets' buffers on both sides, so the client blocks in a
        // write.
        large.setText(("x".repeat(75) + "\r\n").repeat(16 * 1024 * 1024 / 77));

        long start = System.nanoTime();
        MailResult result = transport.send("member0@example.org", large);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isInstanceOfSatisfying(MailResult.Done.class,
                (done) -> assertThat(done.outcome()).isInstanceOfSatisfying(DeliveryOutcome.Retry.class,
                        (retry) -> assertThat(retry.error()).contains("herald.notifier.email.send-timeout")));
        assertThat(took).as("cut off at the deadline (1 s), not at the write timeout (120 s)")
            .isLessThan(Duration.ofSeconds(20));
        assertThat(this.smtp.received()).isEmpty();
        MailResult next = transport.send("member1@example.org", message(transport, 1));
        assertThat(next).isEqualTo(new MailResult.Done(DeliveryOutcome.sent()));
        transport.close();
    }

    @Test
    void keepsTheWriteTimeoutOfSocketsTheDeadlinesDoNotMake() {
        JavaMailSenderImpl mail = sender();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.ssl.enable", "true");
        properties.setProperty("mail.smtp.writetimeout", "15000");
        mail.setJavaMailProperties(properties);

        new MailTransport(mail, properties(), Duration.ofSeconds(60)).close();

        assertThat(mail.getSession().getProperties()).containsEntry("mail.smtp.writetimeout", "15000");
    }

    @Test
    void namesAngusMailAsTheStreamProviderSoNoMimePartLooksItUp() {
        new MailTransport(sender(), properties(), Duration.ofSeconds(60)).close();

        assertThat(System.getProperty(MailProviders.STREAM_PROVIDER)).isEqualTo(MailProviders.ANGUS_STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
            .isEqualTo(MailProviders.ANGUS_STREAM_PROVIDER);
    }

    @Test
    void leavesAConfiguredSocketFactoryAlone() {
        JavaMailSenderImpl mail = sender();
        SocketFactory configured = SocketFactory.getDefault();
        Properties properties = new Properties();
        properties.put(NoDelaySockets.PROPERTY, configured);
        mail.setJavaMailProperties(properties);

        new MailTransport(mail, properties(), Duration.ofSeconds(60)).close();

        assertThat(mail.getSession().getProperties().get(NoDelaySockets.PROPERTY)).isSameAs(configured);
    }

    @Test
    void leavesImplicitTlsToItsOwnSockets() {
        JavaMailSenderImpl mail = sender();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.ssl.enable", "true");
        mail.setJavaMailProperties(properties);

        new MailTransport(mail, properties(), Duration.ofSeconds(60)).close();

        assertThat(mail.getSession().getProperties()).doesNotContainKey(NoDelaySockets.PROPERTY);
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(this.smtp.port());
        mail.setProtocol("smtp");
        return mail;
    }

    private static EmailProperties properties() {
        return new EmailProperties("Herald <herald@localhost>", "herald", 1, List.of(), 0, Duration.ofSeconds(30),
                List.of(), EmailProperties.DEVELOPMENT_LINK_KEY, Duration.ofDays(90), null, "The association");
    }

    private static MimeMessage message(MailTransport transport, int i) throws Exception {
        MimeMessage message = transport.createMimeMessage();
        message.setFrom(new InternetAddress("herald@localhost"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("member" + i + "@example.org"));
        message.setSubject("Test " + i);
        message.setText("Hello " + i);
        message.setHeader("Message-ID", "<test." + i + "@herald>");
        return message;
    }

}
