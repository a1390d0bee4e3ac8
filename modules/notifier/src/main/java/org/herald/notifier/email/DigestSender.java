package org.herald.notifier.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.member.Frequency;

/**
 * Writes and sends one digest email to one member, by {@link MemberMail}: over the same
 * SMTP connections, rate and allowlist as every other email.
 */
public final class DigestSender {

    private final MemberMail mail;

    private final EmailComposer composer;

    DigestSender(MemberMail mail, EmailComposer composer) {
        this.mail = mail;
        this.composer = composer;
    }

    /**
     * Sends a digest.
     * @param digestId the digest; its {@code Message-ID} derives from it, so a re-send is
     * recognisable
     * @param memberId the member
     * @param address the address recorded when the digest was created; the email goes to
     * the member's address as it is now
     * @param frequency daily or weekly
     * @param periodEnd when the digest's period ends
     * @param entries the announcements in it
     */
    public DeliveryOutcome send(UUID digestId, UUID memberId, String address, Frequency frequency, Instant periodEnd,
            List<DigestEntry> entries) {
        return this.mail.send(memberId,
                (member) -> entries.isEmpty()
                        || entries.stream().anyMatch((entry) -> member.wants(entry.announcement())),
                (member, links) -> {
                    List<DigestEntry> wanted = entries.stream()
                        .filter((entry) -> member.wants(entry.announcement()))
                        .toList();
                    return wanted.isEmpty() ? null
                            : MessageTemplate.encode(this.composer.composeDigest(digestId, frequency, periodEnd,
                                    new EmailRecipient(memberId, member.email(), member.name()), wanted, links));
                });
    }

}
