package org.herald.notifier.email;

import java.io.UnsupportedEncodingException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends one announcement email per delivery over SMTP. A 5xx reply (the server refuses the recipient or
 * the message) fails the delivery for good; anything else — a 4xx, a refused connection, a timeout — is
 * retried on the schedule.
 */
final class EmailSender implements DeliveryChannel {

    private final JavaMailSender mail;

    private final EmailComposer composer;

    private final AnnouncementStore announcements;

    private final Members members;

    private final EmailProperties properties;

    EmailSender(JavaMailSender mail, EmailComposer composer, AnnouncementStore announcements, Members members,
            EmailProperties properties) {
        this.mail = mail;
        this.composer = composer;
        this.announcements = announcements;
        this.members = members;
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
        ComposedEmail email = this.composer.compose(announcement.get(),
                new EmailRecipient(delivery.recipientId(), delivery.recipient(), member.get().name()),
                delivery.matchedTags());
        MimeMessage message;
        try {
            message = mimeMessage(email);
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            return DeliveryOutcome.failed("Could not build the email: " + ex.getMessage());
        }
        try {
            this.mail.send(message);
            return DeliveryOutcome.sent();
        }
        catch (MailAuthenticationException ex) {
            return DeliveryOutcome.retry("SMTP authentication failed: " + ex.getMessage());
        }
        catch (MailException ex) {
            return classify(ex);
        }
    }

    private MimeMessage mimeMessage(ComposedEmail email) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = this.mail.createMimeMessage();
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
        return message;
    }

    private static DeliveryOutcome classify(MailException ex) {
        Set<Throwable> seen = new HashSet<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(ex);
        if (ex instanceof MailSendException send) {
            pending.addAll(List.of(send.getMessageExceptions()));
        }
        while (!pending.isEmpty()) {
            Throwable failure = pending.poll();
            if (failure == null || !seen.add(failure)) {
                continue;
            }
            int code = smtpReplyCode(failure);
            if (code >= 500 && code < 600) {
                return DeliveryOutcome.failed("SMTP " + code + ": " + failure.getMessage());
            }
            pending.add(failure.getCause());
            if (failure instanceof MessagingException messaging) {
                pending.add(messaging.getNextException());
            }
        }
        return DeliveryOutcome.retry(describe(ex));
    }

    /** The SMTP reply code of an Angus Mail SMTP exception ({@code getReturnCode()}), or -1. */
    private static int smtpReplyCode(Throwable failure) {
        try {
            Method returnCode = failure.getClass().getMethod("getReturnCode");
            return (returnCode.getReturnType() == int.class) ? (int) returnCode.invoke(failure) : -1;
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return -1;
        }
    }

    private static String describe(MailException ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return (root == ex) ? ex.getMessage() : ex.getMessage() + " (" + root + ")";
    }

}
