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
