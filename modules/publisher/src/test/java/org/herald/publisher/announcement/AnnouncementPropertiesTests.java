package org.herald.publisher.announcement;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnnouncementPropertiesTests {

    @Test
    void neverShowsItsKeys() {
        AnnouncementProperties properties = new AnnouncementProperties(List.of("s3cret-key"), Duration.ofSeconds(5),
                262144);

        assertThat(properties.toString()).doesNotContain("s3cret-key").contains("1 key(s)");
    }

    @Test
    void ignoresBlankKeys() {
        assertThat(new AnnouncementProperties(List.of("", " ", "key"), Duration.ofSeconds(5), 1).apiKeys())
            .containsExactly("key");
        assertThat(new AnnouncementProperties(null, Duration.ofSeconds(5), 1).apiKeys()).isEmpty();
    }

    @Test
    void refusesATimeoutOrLimitThatCannotWork() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new AnnouncementProperties(List.of(), Duration.ofMillis(10), 1));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new AnnouncementProperties(List.of(), Duration.ofSeconds(5), 0));
    }

}
