package org.herald.notifier.email;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.member.Member;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.Suppressions;
import org.jspecify.annotations.Nullable;

/**
 * The one way an email reaches a member, announcement or digest alike: nothing to a
 * member who is gone, whose address is suppressed, or who no longer follows what it is
 * about (suppressed, {@value #UNSUBSCRIBED}); always to their address as it is now; the
 * composed email as a MIME message over the {@link MailTransport}; and when the member's
 * server refuses the address for good, the address suppressed, so no email is sent to it
 * again.
 */
final class MemberMail {

    /**
     * The reason recorded on an email whose member no longer follows what it is about.
     */
    static final String UNSUBSCRIBED = "unsubscribed";

    private final MailTransport transport;

    private final Members members;

    private final Suppressions suppressions;

    private final MemberLinks links;

    MemberMail(MailTransport transport, Members members, Suppressions suppressions, MemberLinks links) {
        this.transport = transport;
        this.members = members;
        this.suppressions = suppressions;
        this.links = links;
    }

    /**
     * Sends the email {@code compose} writes for the member.
     * @param memberId the member
     * @param wanted whether the member, as they are now, still follows what the email is
     * about
     * @param compose writes the email for the member, with their links; null when there
     * is nothing to send
     */
    DeliveryOutcome send(UUID memberId, Predicate<Member> wanted,
            BiFunction<Member, MemberLinks.Links, @Nullable ComposedEmail> compose) {
        return send(memberId, null, wanted, compose);
    }

    /**
     * Sends as {@link #send(UUID, Predicate, BiFunction)} does, to the member as read
     * with the delivery's claim, moments before, if they were.
     */
    DeliveryOutcome send(UUID memberId, @Nullable Member read, Predicate<Member> wanted,
            BiFunction<Member, MemberLinks.Links, @Nullable ComposedEmail> compose) {
        Optional<Member> member = (read != null) ? Optional.of(read) : this.members.find(memberId);
        if (member.isEmpty()) {
            return DeliveryOutcome.failed("The member no longer exists");
        }
        if (member.get().suppressed()) {
            return DeliveryOutcome.suppressed("The address is suppressed: " + member.get().suppressedReason());
        }
        if (!wanted.test(member.get())) {
            return DeliveryOutcome.suppressed(UNSUBSCRIBED);
        }
        ComposedEmail email = compose.apply(member.get(), this.links.forMember(memberId));
        if (email == null) {
            return DeliveryOutcome.failed("Nothing is left to send");
        }
        MimeMessage message;
        try {
            message = mimeMessage(this.transport.createMimeMessage(), email);
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            return DeliveryOutcome.failed("Could not build the email: " + ex.getMessage());
        }
        MailResult result = this.transport.send(email.to(), message);
        if (result instanceof MailResult.RecipientRefused refused) {
            this.suppressions.suppress(memberId, refused.error());
            return DeliveryOutcome.failed(refused.error() + " (address suppressed)");
        }
        return ((MailResult.Done) result).outcome();
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
