package org.herald.notifier.partner;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PartnerSecretsTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final PartnerSecrets secrets = new PartnerSecrets(KEY);

    @Test
    void makesStandardWebhooksSecretsOfTwentyFourRandomBytes() {
        String secret = this.secrets.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(24);
        assertThat(this.secrets.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void opensWhatItSealed() {
        UUID partner = UUID.randomUUID();
        String secret = this.secrets.newSecret();
        assertThat(this.secrets.open(this.secrets.seal(secret, partner), partner)).isEqualTo(secret);
    }

    @Test
    void sealedSecretRevealsNothingOfTheSecret() {
        String secret = this.secrets.newSecret();
        byte[] sealed = this.secrets.seal(secret, UUID.randomUUID());
        String asText = new String(sealed, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain(secret).doesNotContain(secret.substring(6));
        assertThat(this.secrets.seal(secret, UUID.randomUUID())).isNotEqualTo(sealed);
    }

    @Test
    void aSealedSecretDoesNotOpenForAnotherPartnerOrUnderAnotherKey() {
        UUID partner = UUID.randomUUID();
        byte[] sealed = this.secrets.seal(this.secrets.newSecret(), partner);
        assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(sealed, UUID.randomUUID()));
        PartnerSecrets otherKey = new PartnerSecrets(
                "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThatIllegalStateException().isThrownBy(() -> otherKey.open(sealed, partner));
    }

    @Test
    void anAlteredSealedSecretDoesNotOpen() {
        UUID partner = UUID.randomUUID();
        byte[] sealed = this.secrets.seal(this.secrets.newSecret(), partner);
        sealed[sealed.length - 1] ^= 1;
        assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(sealed, partner));
    }

    @Test
    void toStringsHideKeysAndSecrets() {
        String secret = this.secrets.newSecret();
        assertThat(this.secrets.toString()).doesNotContain(new String(KEY, StandardCharsets.US_ASCII));
        assertThat(new PartnerEndpoint(UUID.randomUUID(), "https://example.org/hook", true, null,
                java.util.List.of(secret))
            .toString()).doesNotContain(secret).contains("hidden");
        assertThat(new Partners.Registered(UUID.randomUUID(), secret).toString()).doesNotContain(secret);
    }

    @Test
    void opensSecretsSealedUnderAnOldKeyByItsIdAfterARotation() {
        byte[] oldKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        PartnerSecrets before = new PartnerSecrets("2025", oldKey, Map.of());
        UUID partner = UUID.randomUUID();
        String secret = before.newSecret();
        byte[] sealedBefore = before.seal(secret, partner);
        assertThat(before.keyId(sealedBefore)).contains("2025");

        PartnerSecrets rotated = new PartnerSecrets("2026", KEY, Map.of("2025", oldKey));
        byte[] sealedAfter = rotated.seal(secret, partner);

        assertThat(rotated.open(sealedBefore, partner)).isEqualTo(secret);
        assertThat(rotated.keyId(sealedAfter)).contains("2026");
        assertThat(rotated.open(sealedAfter, partner)).isEqualTo(secret);
        assertThatIllegalStateException()
            .isThrownBy(() -> new PartnerSecrets("2026", KEY, Map.of()).open(sealedBefore, partner))
            .withMessageContaining(
                    "key id 2025, which is not configured (herald.notifier.webhooks.old-secret-keys.2025)");
        assertThat(rotated.toString()).contains("2025", "2026")
            .doesNotContain(new String(KEY, StandardCharsets.US_ASCII));
    }

    @Test
    void opensSecretsSealedBeforeKeysHadIds() throws Exception {
        UUID partner = UUID.randomUUID();
        byte[] oldKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(oldKey, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(("herald-partner:" + partner).getBytes(StandardCharsets.UTF_8));
        byte[] encrypted = cipher.doFinal("whsec_legacy".getBytes(StandardCharsets.UTF_8));
        byte[] legacy = ByteBuffer.allocate(1 + 12 + encrypted.length).put((byte) 1).put(nonce).put(encrypted).array();

        assertThat(new PartnerSecrets(oldKey).open(legacy, partner)).isEqualTo("whsec_legacy");
        assertThat(new PartnerSecrets("2", KEY, Map.of("1", oldKey)).open(legacy, partner)).isEqualTo("whsec_legacy");
        assertThatIllegalStateException().isThrownBy(() -> new PartnerSecrets(KEY).open(legacy, partner));
    }

}
