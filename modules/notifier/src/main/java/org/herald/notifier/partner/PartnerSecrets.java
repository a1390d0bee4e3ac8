package org.herald.notifier.partner;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes partners' signing secrets and keeps them sealed: {@code whsec_} + base64 of 24
 * random bytes, stored encrypted with AES-256-GCM under a configured key, the partner's
 * id bound in as associated data. A database dump alone reveals no secret, and a sealed
 * secret copied to another partner does not open.
 * <p>
 * Keys have ids so that the key can be rotated: a secret is sealed under the current key
 * and carries its id ({@code 2, id length, id, nonce, ciphertext}); it is opened with the
 * key of that id, the current one or an old one still configured. Secrets sealed before
 * keys had ids ({@code 1, nonce, ciphertext}) are opened with whichever configured key
 * fits.
 */
public final class PartnerSecrets {

    /** The prefix of a Standard Webhooks secret. */
    public static final String PREFIX = "whsec_";

    /** The id of the key when none is configured. */
    public static final String DEFAULT_KEY_ID = "1";

    private static final byte UNNAMED_KEY = 1;

    private static final byte NAMED_KEY = 2;

    private static final int SECRET_BYTES = 24;

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    private final String currentId;

    private final Map<String, SecretKeySpec> keys;

    /**
     * One key, of id {@value #DEFAULT_KEY_ID}.
     * @param key an AES-256 key: 32 bytes
     */
    public PartnerSecrets(byte[] key) {
        this(DEFAULT_KEY_ID, key, Map.of());
    }

    /**
     * @param currentId the id of the key new secrets are sealed with
     * @param current that key: 32 bytes
     * @param old keys that sealed secrets earlier, by id
     */
    public PartnerSecrets(String currentId, byte[] current, Map<String, byte[]> old) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        keys.put(checkId(currentId), aesKey(current, currentId));
        old.forEach((id, key) -> {
            if (keys.putIfAbsent(checkId(id), aesKey(key, id)) != null) {
                throw new IllegalArgumentException("key id " + id + " is given twice");
            }
        });
        this.currentId = currentId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    private static String checkId(String id) {
        if (id == null || id.isBlank() || id.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("a key id must be 1 to 64 bytes, not blank");
        }
        return id;
    }

    private static SecretKeySpec aesKey(byte[] key, String id) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the secret key of id " + id + " must be 32 bytes (256 bits)");
        }
        return new SecretKeySpec(key.clone(), "AES");
    }

    /** The id of the key new secrets are sealed with. */
    public String currentKeyId() {
        return this.currentId;
    }

    /** The id of the key {@code sealed} was sealed with, or empty if it has none. */
    public Optional<String> keyId(byte[] sealed) {
        if (sealed != null && sealed.length > 2 && sealed[0] == NAMED_KEY && sealed.length > 2 + sealed[1]) {
            return Optional.of(new String(sealed, 2, sealed[1], StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    /** A new secret, {@code whsec_} + base64 of 24 random bytes. */
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        this.random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** Encrypts {@code secret} for the partner {@code partnerId}. */
    public byte[] seal(String secret, UUID partnerId) {
        byte[] nonce = new byte[NONCE_BYTES];
        this.random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(partnerId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] id = this.currentId.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
                .put(NAMED_KEY)
                .put((byte) id.length)
                .put(id)
                .put(nonce)
                .put(sealed)
                .array();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not encrypt a partner secret", ex);
        }
    }

    /**
     * Decrypts a secret sealed for {@code partnerId}.
     * @throws IllegalStateException if it was sealed with a key not configured or for
     * another partner, or altered
     */
    public String open(byte[] sealed, UUID partnerId) {
        if (sealed != null && sealed.length > 2 && sealed[0] == NAMED_KEY) {
            int start = 2 + sealed[1];
            String id = keyId(sealed).orElseThrow(() -> new IllegalStateException("Not a sealed partner secret"));
            SecretKeySpec key = this.keys.get(id);
            if (key == null) {
                throw new IllegalStateException("The secret of partner " + partnerId + " is sealed with key id " + id
                        + ", which is not configured (herald.notifier.webhooks.old-secret-keys." + id + ")");
            }
            return decrypt(sealed, start, key, partnerId)
                .orElseThrow(() -> new IllegalStateException("Could not decrypt the secret of partner " + partnerId
                        + " with key id " + id + " (wrong key for that id?)"));
        }
        if (sealed != null && sealed.length > 0 && sealed[0] == UNNAMED_KEY) {
            for (SecretKeySpec key : this.keys.values()) {
                Optional<String> secret = decrypt(sealed, 1, key, partnerId);
                if (secret.isPresent()) {
                    return secret.get();
                }
            }
            // Deliberately vague: the cause names nothing secret, but neither need the
            // message.
            throw new IllegalStateException("Could not decrypt the secret of partner " + partnerId
                    + " with any configured key (herald.notifier.webhooks.secret-key, old-secret-keys)");
        }
        throw new IllegalStateException("Not a sealed partner secret");
    }

    private static Optional<String> decrypt(byte[] sealed, int start, SecretKeySpec key, UUID partnerId) {
        if (sealed.length < start + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("Not a sealed partner secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, start, NONCE_BYTES));
            cipher.updateAAD(associatedData(partnerId));
            byte[] secret = cipher.doFinal(sealed, start + NONCE_BYTES, sealed.length - start - NONCE_BYTES);
            return Optional.of(new String(secret, StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            return Optional.empty();
        }
    }

    private static byte[] associatedData(UUID partnerId) {
        return ("herald-partner:" + partnerId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PartnerSecrets[current key id " + this.currentId + ", key ids " + this.keys.keySet() + ", keys hidden]";
    }

}
