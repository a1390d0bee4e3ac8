package org.herald.support.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs and verifies the console's session cookie, {@code v1.<key id>.<expiry>.<mac>}: an
 * HMAC-SHA256 over the version, the id of the admin key that signed in and the expiry,
 * with a secret derived from the configured admin keys. Nothing is stored on the server,
 * so every service that has the same admin keys (as the services of the all-in-one app
 * do) accepts the cookie another one issued. Removing a key from the configuration ends
 * the sessions it opened; changing the set of keys ends every session.
 * <p>
 * The CSRF token of a session is an HMAC of the cookie's value (a synchronizer token that
 * needs no storage). Neither the keys nor the secret appear in a {@code toString()}.
 */
public final class ConsoleSessions {

    private static final String VERSION = "v1";

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final List<byte[]> keys;

    private final Set<String> keyIds;

    private final byte @Nullable [] secret;

    private final Duration lifetime;

    private final Clock clock;

    public ConsoleSessions(List<String> adminKeys, Duration lifetime, Clock clock) {
        this.keys = adminKeys.stream()
            .filter((key) -> !key.isEmpty())
            .map((key) -> key.getBytes(StandardCharsets.UTF_8))
            .toList();
        this.keyIds = adminKeys.stream()
            .filter((key) -> !key.isEmpty())
            .map(ConsoleSessions::keyId)
            .collect(Collectors.toUnmodifiableSet());
        this.secret = this.keys.isEmpty() ? null : deriveSecret(adminKeys);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** How long a session lasts. */
    public Duration lifetime() {
        return this.lifetime;
    }

    /**
     * The session cookie's value for {@code presentedKey}, or empty when it is not one of
     * the admin keys (compared in constant time).
     */
    public Optional<String> signIn(String presentedKey) {
        byte[] presented = presentedKey.strip().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : this.keys) {
            match |= MessageDigest.isEqual(presented, key);
        }
        if (!match || presented.length == 0) {
            return Optional.empty();
        }
        long expiry = this.clock.instant().plus(this.lifetime).getEpochSecond();
        String payload = VERSION + "." + keyId(presentedKey.strip()) + "." + expiry;
        return Optional.of(payload + "." + mac("session|" + payload));
    }

    /**
     * Whether {@code cookie} is a session this server signed, unexpired, of a key still
     * configured.
     */
    public boolean isValid(@Nullable String cookie) {
        if (cookie == null || this.secret == null) {
            return false;
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !this.keyIds.contains(parts[1])) {
            return false;
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(mac("session|" + payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(parts[2])).isAfter(this.clock.instant());
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    /** The CSRF token of the session {@code cookie} (valid or not: check it first). */
    public String csrfToken(String cookie) {
        return mac("csrf|" + cookie);
    }

    /**
     * Whether {@code token} is the CSRF token of {@code cookie}, compared in constant
     * time.
     */
    public boolean isCsrfToken(String cookie, @Nullable String token) {
        return token != null && MessageDigest.isEqual(csrfToken(cookie).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String message) {
        if (this.secret == null) {
            throw new IllegalStateException("No admin key is configured (herald.admin-api-keys)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    /** A short, stable id of a key that says nothing usable about it. */
    static String keyId(String key) {
        return HexFormat.of().formatHex(sha256("herald-console-key-id|" + key)).substring(0, 16);
    }

    /** The same set of keys gives the same secret, in any order, in every service. */
    private static byte[] deriveSecret(List<String> adminKeys) {
        return sha256("herald-console-session-secret|" + String.join("\u0000", new TreeSet<>(adminKeys)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    @Override
    public String toString() {
        return "ConsoleSessions[" + this.keys.size() + " key(s), hidden; lifetime " + this.lifetime + "]";
    }

}
