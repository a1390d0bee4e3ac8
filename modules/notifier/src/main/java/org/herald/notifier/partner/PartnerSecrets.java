package org.herald.notifier.partner;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes partners' signing secrets and keeps them sealed: {@code whsec_} + base64 of 24
 * random bytes, stored encrypted with AES-256-GCM under a configured key, the partner's
 * id bound in as associated data. A database dump alone reveals no secret, and a sealed
 * secret copied to another partner does not open.
 */
public final class PartnerSecrets {

    /** The prefix of a Standard Webhooks secret. */
    public static final String PREFIX = "whsec_";

    private static final byte VERSION = 1;

    private static final int SECRET_BYTES = 24;

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    private final SecretKeySpec key;

    /**
     * @param key an AES-256 key: 32 bytes
     */
    public PartnerSecrets(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (256 bits)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
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
            cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(partnerId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not encrypt a partner secret", ex);
        }
    }

    /**
     * Decrypts a secret sealed for {@code partnerId}.
     * @throws IllegalStateException if it was sealed with another key or for another
     * partner, or altered
     */
    public String open(byte[] sealed, UUID partnerId) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("Not a sealed partner secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(partnerId));
            byte[] secret = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(secret, StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            // Deliberately vague: the cause names nothing secret, but neither need the
            // message.
            throw new IllegalStateException("Could not decrypt the secret of partner " + partnerId
                    + " (wrong herald.notifier.webhooks.secret-key?)");
        }
    }

    private static byte[] associatedData(UUID partnerId) {
        return ("herald-partner:" + partnerId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PartnerSecrets[key hidden]";
    }

}
