package org.herald.support.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSessionsTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final ConsoleSessions sessions = sessions(List.of("key-one", "key-two"), NOW);

    private static ConsoleSessions sessions(List<String> keys, Instant now) {
        return new ConsoleSessions(keys, Duration.ofHours(8), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void signsInWithAnAdminKeyOnlyAndNeverPutsTheKeyInTheCookie() {
        assertThat(this.sessions.signIn("not-a-key")).isEmpty();
        assertThat(this.sessions.signIn("")).isEmpty();
        String cookie = this.sessions.signIn("key-two").orElseThrow();
        assertThat(cookie).startsWith("v1.").doesNotContain("key-two");
        assertThat(this.sessions.isValid(cookie)).isTrue();
    }

    @Test
    void anotherServiceWithTheSameKeysInAnyOrderAcceptsTheCookie() {
        String cookie = this.sessions.signIn("key-one").orElseThrow();
        assertThat(sessions(List.of("key-two", "key-one"), NOW).isValid(cookie)).isTrue();
        assertThat(sessions(List.of("key-one", "key-three"), NOW).isValid(cookie)).as("other keys").isFalse();
        assertThat(sessions(List.of("key-two"), NOW).isValid(cookie)).as("its key removed").isFalse();
    }

    @Test
    void refusesATamperedOrExpiredCookie() {
        String cookie = this.sessions.signIn("key-one").orElseThrow();
        String[] parts = cookie.split("\\.");
        String extended = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 3600) + "." + parts[3];
        assertThat(this.sessions.isValid(extended)).isFalse();
        assertThat(this.sessions.isValid(cookie + "x")).isFalse();
        assertThat(this.sessions.isValid("v1.nonsense")).isFalse();
        assertThat(this.sessions.isValid(null)).isFalse();
        assertThat(sessions(List.of("key-one", "key-two"), NOW.plus(Duration.ofHours(8))).isValid(cookie)).isFalse();
    }

    @Test
    void theCsrfTokenBelongsToItsSession() {
        String first = this.sessions.signIn("key-one").orElseThrow();
        String second = sessions(List.of("key-one", "key-two"), NOW.plusSeconds(1)).signIn("key-one").orElseThrow();
        String token = this.sessions.csrfToken(first);
        assertThat(this.sessions.isCsrfToken(first, token)).isTrue();
        assertThat(this.sessions.isCsrfToken(second, token)).isFalse();
        assertThat(this.sessions.isCsrfToken(first, null)).isFalse();
        assertThat(this.sessions.toString()).doesNotContain("key-one");
    }

    @Test
    void withoutAdminKeysNothingIsValid() {
        ConsoleSessions none = sessions(List.of(), NOW);
        assertThat(none.signIn("anything")).isEmpty();
        assertThat(none.isValid(this.sessions.signIn("key-one").orElseThrow())).isFalse();
    }

}
