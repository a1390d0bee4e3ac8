package org.herald.notifier.partner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

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

}
