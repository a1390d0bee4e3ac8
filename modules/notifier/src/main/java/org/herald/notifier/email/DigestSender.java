package org.herald.notifier.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.member.Frequency;
import org.herald.notifier.member.Member;
import org.herald.notifier.member.Members;

/**
 * Writes and sends one digest email to one member, over the same SMTP connections, rate
 * and allowlist as every other email.
 */
public final class DigestSender {

    private final MailTransport transport;

    private final EmailComposer composer;

    private final Members members;

    private final MemberLinks links;

    DigestSender(MailTransport transport, EmailComposer composer, Members members, MemberLinks links) {
        this.transport = transport;
        this.composer = composer;
        this.members = members;
        this.links = links;
    }

    /**
     * Sends a digest.
     * @param digestId the digest; its {@code Message-ID} derives from it, so a re-send is
     * recognisable
     * @param memberId the member
     * @param address the address recorded when the digest was claimed
     * @param frequency daily or weekly
     * @param periodEnd when the digest's period ends
     * @param entries the announcements in it
     */
    public DeliveryOutcome send(UUID digestId, UUID memberId, String address, Frequency frequency, Instant periodEnd,
            List<DigestEntry> entries) {
        Optional<Member> member = this.members.find(memberId);
        if (member.isEmpty()) {
            return DeliveryOutcome.failed("The member no longer exists");
        }
        if (member.get().suppressed()) {
            return DeliveryOutcome.suppressed("The address is suppressed: " + member.get().suppressedReason());
        }
        if (entries.isEmpty()) {
            return DeliveryOutcome.failed("Nothing is left to send");
        }
        ComposedEmail email = this.composer.composeDigest(digestId, frequency, periodEnd,
                new EmailRecipient(memberId, address, member.get().name()), entries, this.links.forMember(memberId));
        return EmailSender.send(this.transport, memberId, email);
    }

}
