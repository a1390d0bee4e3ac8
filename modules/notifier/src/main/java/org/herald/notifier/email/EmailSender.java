package org.herald.notifier.email;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryChannel;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.member.Member;
import org.herald.notifier.member.Members;

/**
 * Sends one announcement email per delivery over the {@link MailTransport}. A member
 * whose address is suppressed gets nothing: the delivery is marked suppressed.
 */
final class EmailSender implements DeliveryChannel {

    private final MailTransport transport;

    private final EmailComposer composer;

    private final AnnouncementStore announcements;

    private final Members members;

    private final MemberLinks links;

    private final EmailProperties properties;

    EmailSender(MailTransport transport, EmailComposer composer, AnnouncementStore announcements, Members members,
            MemberLinks links, EmailProperties properties) {
        this.transport = transport;
        this.composer = composer;
        this.announcements = announcements;
        this.members = members;
        this.links = links;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public int concurrency() {
        return this.properties.concurrency();
    }

    @Override
    public List<Duration> retrySchedule() {
        return this.properties.retrySchedule();
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        Optional<AnnouncementTagged> announcement = this.announcements.find(delivery.announcementId());
        if (announcement.isEmpty()) {
            return DeliveryOutcome.failed("The announcement is no longer stored");
        }
        Optional<Member> member = this.members.find(delivery.recipientId());
        if (member.isEmpty()) {
            return DeliveryOutcome.failed("The member no longer exists");
        }
        if (member.get().suppressed()) {
            return DeliveryOutcome.suppressed("The address is suppressed: " + member.get().suppressedReason());
        }
        ComposedEmail email = this.composer.compose(announcement.get(),
                new EmailRecipient(delivery.recipientId(), delivery.recipient(), member.get().name()),
                delivery.matchedTags(), this.links.forMember(delivery.recipientId()));
        return send(this.transport, delivery.recipientId(), email);
    }

    /** Builds the MIME message of {@code email} and sends it. */
    static DeliveryOutcome send(MailTransport transport, UUID memberId, ComposedEmail email) {
        MimeMessage message;
        try {
            message = mimeMessage(transport.createMimeMessage(), email);
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            return DeliveryOutcome.failed("Could not build the email: " + ex.getMessage());
        }
        return transport.send(memberId, email.to(), message);
    }

    /**
     * A {@code multipart/alternative} of the text and HTML parts, with
     * {@code Message-ID}, {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} (RFC
     * 8058 one-click).
     */
    static MimeMessage mimeMessage(MimeMessage message, ComposedEmail email)
            throws MessagingException, UnsupportedEncodingException {
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
        return message;
    }

}
