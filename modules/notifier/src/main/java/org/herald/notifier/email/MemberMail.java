package org.herald.notifier.email;

import java.io.UnsupportedEncodingException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.mail.MessagingException;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.member.Member;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.Suppressions;
import org.jspecify.annotations.Nullable;

/**
 * The one way an email reaches a member, announcement or digest alike: nothing to a
 * member who is gone, whose address is suppressed, or who no longer follows what it is
 * about (suppressed, {@value #UNSUBSCRIBED}); always to their address as it is now; the
 * email as MIME bytes ({@link MessageTemplate}) over the {@link MailTransport}; and when
 * the member's server refuses the address for good, the address suppressed, so no email
 * is sent to it again.
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
     * Why no email may go to the member now, by the rules {@link #send} applies; empty if
     * one may.
     */
    Optional<String> refuses(UUID memberId, Predicate<Member> wanted) {
        Optional<Member> member = this.members.find(memberId);
        if (member.isEmpty()) {
            return Optional.of("The member was erased: nothing is sent to them again");
        }
        if (member.get().suppressed()) {
            return Optional.of("The member's address is suppressed (" + member.get().suppressedReason()
                    + "): unsuppress it first");
        }
        if (!wanted.test(member.get())) {
            return Optional.of("The member unsubscribed from what this announcement is about");
        }
        return Optional.empty();
    }

    /**
     * Sends the email {@code compose} writes for the member.
     * @param memberId the member
     * @param wanted whether the member, as they are now, still follows what the email is
     * about
     * @param compose writes the email for the member, with their links; null when there
     * is nothing to send
     */
    DeliveryOutcome send(UUID memberId, Predicate<Member> wanted, Writer compose) {
        return send(memberId, null, wanted, compose);
    }

    /**
     * Sends as {@link #send(UUID, Predicate, Writer)} does, to the member as read with
     * the delivery's claim, moments before, if they were.
     */
    DeliveryOutcome send(UUID memberId, @Nullable Member read, Predicate<Member> wanted, Writer compose) {
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
        EncodedEmail email;
        try {
            email = compose.write(member.get(), this.links.forMember(memberId));
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            return DeliveryOutcome.failed("Could not build the email: " + ex.getMessage());
        }
        if (email == null) {
            return DeliveryOutcome.failed("Nothing is left to send");
        }
        MailResult result = this.transport.send(email);
        if (result instanceof MailResult.RecipientRefused refused) {
            this.suppressions.suppress(memberId, refused.error());
            return DeliveryOutcome.failed(refused.error() + " (address suppressed)");
        }
        return ((MailResult.Done) result).outcome();
    }

    /** Writes a member's email, with their links, as MIME bytes. */
    @FunctionalInterface
    interface Writer {

        /** The email, or null when there is nothing to send. */
        @Nullable EncodedEmail write(Member member, MemberLinks.Links links)
                throws MessagingException, UnsupportedEncodingException;

    }

}
