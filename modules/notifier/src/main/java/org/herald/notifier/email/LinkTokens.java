package org.herald.notifier.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the tokens of the links in emails that act for a member without a
 * password: the one-click unsubscribe and the preferences page. A token is
 * {@code <memberId>.<purpose>.<expiry>.<mac>} in base64url, the MAC an HMAC-SHA256 of the
 * rest under the link key, so it names one member and one purpose, cannot be altered, and
 * stops working at its expiry.
 */
public final class LinkTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * A MAC a thread, initialised with the link key once: a new one for each token (three
     * an email) cost a provider lookup and a key set-up each time.
     */
    private final ThreadLocal<Mac> macs;

    private final Duration ttl;

    private final Clock clock;

    public LinkTokens(String key, Duration ttl, Clock clock) {
        SecretKeySpec secret = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(secret));
        this.ttl = ttl;
        this.clock = clock;
    }

    /** What a link lets its holder do. */
    public enum Purpose {

        UNSUBSCRIBE, PREFERENCES,

        /** Follow a story: the token also names the announcement. */
        FOLLOW

    }

    /**
     * A token for {@code memberId} and {@code purpose}, good for the configured time from
     * now.
     */
    public String issue(UUID memberId, Purpose purpose) {
        return issue(memberId, purpose.name().toLowerCase(Locale.ROOT));
    }

    /**
     * A token for {@code memberId} to follow the story of {@code announcementId}, good
     * for the configured time from now.
     */
    public String issueFollow(UUID memberId, UUID announcementId) {
        return issue(memberId, "follow:" + announcementId);
    }

    private String issue(UUID memberId, String purpose) {
        long expiry = this.clock.instant().plus(this.ttl).getEpochSecond();
        String payload = memberId + "." + purpose + "." + expiry;
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODER.encodeToString(mac(encoded));
    }

    /** Checks a token: the member it names, or why it is not good. */
    public Verified verify(String token, Purpose purpose) {
        if (token == null) {
            return Verified.invalid();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return Verified.invalid();
        }
        String encoded = token.substring(0, dot);
        // Compare the signature's text, not its decoded bytes: base64's last character
        // carries unused
        // bits that a decoder ignores, so several spellings decode to one signature. Only
        // ours counts.
        byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(presented,
                ENCODER.encodeToString(mac(encoded)).getBytes(StandardCharsets.US_ASCII))) {
            return Verified.invalid();
        }
        String payload;
        try {
            payload = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return Verified.invalid();
        }
        String[] fields = payload.split("\\.");
        if (fields.length != 3) {
            return Verified.invalid();
        }
        String[] purposeAndSubject = fields[1].split(":", -1);
        boolean wantsSubject = purpose == Purpose.FOLLOW;
        if (!purposeAndSubject[0].equalsIgnoreCase(purpose.name())
                || purposeAndSubject.length != (wantsSubject ? 2 : 1)) {
            return Verified.invalid();
        }
        try {
            UUID memberId = UUID.fromString(fields[0]);
            Optional<UUID> subject = wantsSubject ? Optional.of(UUID.fromString(purposeAndSubject[1]))
                    : Optional.empty();
            if (this.clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(fields[2])))) {
                return new Verified(Optional.of(memberId), true);
            }
            return new Verified(Optional.of(memberId), false, subject);
        }
        catch (IllegalArgumentException ex) {
            return Verified.invalid();
        }
    }

    private byte[] mac(String payload) {
        // doFinal resets the MAC for the next token, keeping its key.
        return this.macs.get().doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac newMac(SecretKeySpec secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }

    @Override
    public String toString() {
        return "LinkTokens[ttl=" + this.ttl + "]";
    }

    /**
     * What a token says.
     *
     * @param memberId the member it acts for, when it is authentic (ours, unaltered),
     * even if it has expired
     * @param expired whether it is authentic but has expired: the caller decides whether
     * an expired link still acts (an unsubscribe link does, RFC 8058 and PECR: a member
     * must always be able to leave)
     * @param subject what else it names: the announcement, for {@link Purpose#FOLLOW}
     */
    public record Verified(Optional<UUID> memberId, boolean expired, Optional<UUID> subject) {

        public Verified(Optional<UUID> memberId, boolean expired) {
            this(memberId, expired, Optional.empty());
        }

        static Verified invalid() {
            return new Verified(Optional.empty(), false);
        }

    }

}
