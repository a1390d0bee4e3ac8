package org.herald.notifier.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.herald.notifier.email.LinkTokens.Purpose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokensTests {

    private static final String KEY = "test-link-key-0123456789-0123456789-abcdef";

    private final UUID member = UUID.fromString("6f1c2b1e-0000-4000-8000-000000000001");

    private final Instant now = Instant.parse("2026-02-04T10:00:00Z");

    private final LinkTokens tokens = new LinkTokens(KEY, Duration.ofDays(90), Clock.fixed(this.now, ZoneOffset.UTC));

    @Test
    void acceptsItsOwnTokenForTheSameMemberAndPurpose() {
        String token = this.tokens.issue(this.member, Purpose.UNSUBSCRIBE);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(this.tokens.verify(token, Purpose.UNSUBSCRIBE).memberId()).contains(this.member);
        assertThat(this.tokens.verify(token, Purpose.PREFERENCES).memberId()).isEmpty();
    }

    @Test
    void refusesTamperedTokensAndTokensUnderAnotherKey() {
        String token = this.tokens.issue(this.member, Purpose.UNSUBSCRIBE);
        String otherMember = this.tokens.issue(UUID.randomUUID(), Purpose.UNSUBSCRIBE);
        String spliced = token.substring(0, token.indexOf('.')) + otherMember.substring(otherMember.indexOf('.'));
        LinkTokens otherKey = new LinkTokens(KEY + "x", Duration.ofDays(90), Clock.fixed(this.now, ZoneOffset.UTC));
        for (String bad : new String[] { spliced, otherKey.issue(this.member, Purpose.UNSUBSCRIBE), "", "x", "a.b",
                "a.b.c", token + "x", null }) {
            LinkTokens.Verified verified = this.tokens.verify(bad, Purpose.UNSUBSCRIBE);
            assertThat(verified.memberId()).as(bad).isEmpty();
            assertThat(verified.expired()).as(bad).isFalse();
        }
    }

    @Test
    void refusesEveryOtherSpellingOfTheSignature() {
        String token = this.tokens.issue(this.member, Purpose.UNSUBSCRIBE);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        for (char other : alphabet.toCharArray()) {
            if (other != last) {
                String respelled = token.substring(0, token.length() - 1) + other;
                assertThat(this.tokens.verify(respelled, Purpose.UNSUBSCRIBE).memberId()).as(respelled).isEmpty();
            }
        }
    }

    @Test
    void expiresAfterItsTimeToLive() {
        String token = this.tokens.issue(this.member, Purpose.PREFERENCES);
        LinkTokens later = new LinkTokens(KEY, Duration.ofDays(90),
                Clock.fixed(this.now.plus(Duration.ofDays(90)).plusSeconds(1), ZoneOffset.UTC));
        LinkTokens.Verified verified = later.verify(token, Purpose.PREFERENCES);
        assertThat(verified.memberId()).as("authentic: the member is known").contains(this.member);
        assertThat(verified.expired()).isTrue();
        assertThat(this.tokens.toString()).doesNotContain(KEY);
    }

}
