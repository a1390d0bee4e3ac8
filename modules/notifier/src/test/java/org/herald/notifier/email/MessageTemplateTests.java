package org.herald.notifier.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Header;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.Announcements;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.delivery.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MIME bytes a fan-out writes from its pre-encoded template must be, once parsed by
 * Jakarta Mail, the message Jakarta Mail builds itself from the same email: the same
 * headers, the same decoded text and HTML; and they must cross a real SMTP server as
 * such.
 */
class MessageTemplateTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Session SESSION = Session.getInstance(new Properties());

    private final EmailComposer composer = new EmailComposer(EmailComposer.templateEngine(),
            "Herald Notices <herald@example.org>", "herald.example.org", "The Association");

    @Test
    void writesForEachMemberTheMessageJakartaMailBuildsFromTheComposedEmail() throws Exception {
        AnnouncementTagged mou = Announcements.criticalMineralsMou();
        List<EmailEvent> events = List.of(new EmailEvent(EventKind.PUBLISHED, 0, null),
                new EmailEvent(EventKind.UPDATED, 2, "**Act** now & <b>then</b> £5 — é",
                        List.of(new EmailEvent.FollowedUp("An earlier one", "https://www.gov.uk/earlier")), ""),
                new EmailEvent(EventKind.COMMENTED, 3, "What it means: [more](https://example.org/a?b=1&c=2)"));
        for (EmailEvent event : events) {
            for (int member = 0; member < 4; member++) {
                UUID memberId = UUID.randomUUID();
                String base = (member % 2 == 0) ? "https://herald.example.org"
                        : "https://herald.example.org/a&b=\"c'<d>" + "x".repeat(90);
                MemberLinks.Links links = new MemberLinks.Links(base + "/unsubscribe?token=u" + memberId,
                        base + "/preferences?token=p" + memberId);
                EmailEvent withFollow = (member < 2) ? event.withFollowLink(base + "/follow?token=f" + memberId)
                        : event;
                EmailRecipient recipient = new EmailRecipient(memberId, "m" + member + "@example.org",
                        (member == 3) ? null : "Mémber <" + member + "> & co");

                EncodedEmail encoded = this.composer.encode(mou, withFollow, recipient, List.of("critical-minerals"),
                        links);
                ComposedEmail composed = this.composer.compose(mou, withFollow, recipient, List.of("critical-minerals"),
                        links);

                assertSameMessage(parse(encoded.bytes()), jakartaMail(composed));
                assertThat(encoded.to()).isEqualTo(recipient.address());
                assertThat(encoded.messageId()).isEqualTo(composed.messageId());
            }
        }
    }

    @Test
    void encodesAnyTextSoItDecodesToItselfInShortLinesWithoutABoundary() throws Exception {
        String awkward = "trailing space \nand tab\t\n.starts with a dot\n=3D is not a code\r\ncrlf\rcr\n"
                + "é".repeat(60) + "\n" + "a".repeat(200) + " \n" + "x=y ".repeat(40) + "\n\n  end  ";
        ComposedEmail email = new ComposedEmail("herald@example.org", "ada@example.org", "Ada", "Subject", awkward,
                "<p>" + awkward + "</p>", "<x.y@herald>", "https://h.example/unsubscribe?token=t");

        byte[] bytes = MessageTemplate.encode(email).bytes();

        String wire = new String(bytes, StandardCharsets.US_ASCII);
        assertThat(wire.split("\r\n", -1)).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(wire.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        assertSameMessage(parse(bytes), jakartaMail(email));
        MimeMultipart parts = (MimeMultipart) parse(bytes).getContent();
        assertThat(parts.getBodyPart(0).getContent())
            .isEqualTo(awkward.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n"));
    }

    @Test
    void crossesARealSmtpServerAsTheSameMessage() throws Exception {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(smtp.getSmtp().getBindTo());
        mail.setPort(smtp.getSmtp().getPort());
        mail.setProtocol("smtp");
        EmailRecipient recipient = new EmailRecipient(UUID.randomUUID(), "ada@example.org", "Ada Lovelace");
        MemberLinks.Links links = new MemberLinks.Links("https://h.example/unsubscribe?token=u1",
                "https://h.example/preferences?token=p1");
        AnnouncementTagged mou = Announcements.criticalMineralsMou();
        EncodedEmail encoded = this.composer.encode(mou, new EmailEvent(EventKind.PUBLISHED, 0, null), recipient,
                List.of("critical-minerals"), links);
        ComposedEmail composed = this.composer.compose(mou, recipient, List.of("critical-minerals"), links);

        try (MailTransport transport = new MailTransport(mail, properties(), Duration.ofSeconds(30))) {
            assertThat(transport.send(encoded)).isEqualTo(new MailResult.Done(DeliveryOutcome.sent()));
        }

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()).containsExactly(new InternetAddress("ada@example.org"));
        assertSameMessage(received, jakartaMail(composed));
    }

    /** What Jakarta Mail makes of the composed email, sent and read back. */
    private static MimeMessage jakartaMail(ComposedEmail email) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(email.from(), true));
        InternetAddress to = new InternetAddress(email.to(), true);
        if (email.toName() != null) {
            to.setPersonal(email.toName(), "UTF-8");
        }
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject(email.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("Message-ID", email.messageId());
        message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.saveChanges();
        message.setHeader("Message-ID", email.messageId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return parse(out.toByteArray());
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
    }

    private static void assertSameMessage(MimeMessage actual, MimeMessage expected) throws Exception {
        assertThat(headerNames(actual)).containsExactlyInAnyOrderElementsOf(headerNames(expected));
        for (String header : List.of("From", "To", "Subject", "Message-ID", "MIME-Version", "Auto-Submitted",
                "List-Unsubscribe", "List-Unsubscribe-Post")) {
            assertThat(actual.getHeader(header, null)).as(header).isNotNull();
        }
        assertThat(actual.getFrom()).containsExactly(expected.getFrom());
        InternetAddress actualTo = (InternetAddress) actual.getRecipients(MimeMessage.RecipientType.TO)[0];
        InternetAddress expectedTo = (InternetAddress) expected.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(actualTo.getAddress()).isEqualTo(expectedTo.getAddress());
        assertThat(actualTo.getPersonal()).isEqualTo(expectedTo.getPersonal());
        assertThat(actual.getSubject()).isEqualTo(expected.getSubject());
        assertThat(actual.getMessageID()).isEqualTo(expected.getMessageID());
        assertThat(actual.getSentDate()).isCloseTo(expected.getSentDate(), 60_000);
        for (String header : List.of("MIME-Version", "Auto-Submitted", "List-Unsubscribe", "List-Unsubscribe-Post")) {
            assertThat(actual.getHeader(header, null)).as(header).isEqualTo(expected.getHeader(header, null));
        }
        assertThat(actual.isMimeType("multipart/alternative")).isTrue();
        MimeMultipart actualParts = (MimeMultipart) actual.getContent();
        MimeMultipart expectedParts = (MimeMultipart) expected.getContent();
        assertThat(actualParts.getCount()).isEqualTo(2).isEqualTo(expectedParts.getCount());
        for (int i = 0; i < 2; i++) {
            assertThat(actualParts.getBodyPart(i).getContentType())
                .isEqualTo(expectedParts.getBodyPart(i).getContentType());
            assertThat(lineBreaksAsCrlf((String) actualParts.getBodyPart(i).getContent()))
                .isEqualTo(lineBreaksAsCrlf((String) expectedParts.getBodyPart(i).getContent()));
        }
    }

    /** A part Jakarta Mail sent 7bit keeps its bare line feeds until the SMTP stream. */
    private static String lineBreaksAsCrlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static List<String> headerNames(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            String name = header.getName().toLowerCase(Locale.ROOT);
            if (!name.equals("received") && !name.equals("return-path")) { // the server's
                                                                           // own
                names.add(name);
            }
        }
        return names;
    }

    private static EmailProperties properties() {
        return new EmailProperties("Herald <herald@localhost>", "herald", 1, List.of(), 0, Duration.ofSeconds(30),
                List.of(), EmailProperties.DEVELOPMENT_LINK_KEY, Duration.ofDays(90), null, "The association");
    }

}
