package org.herald.notifier.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.NotifierDatabase;
import org.herald.notifier.Announcements;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.NewDelivery;
import org.herald.notifier.delivery.RetrySchedule;
import org.herald.notifier.delivery.RetrySchedules;
import org.herald.notifier.hold.HoldProperties;
import org.herald.notifier.hold.Holds;
import org.herald.notifier.hold.SendingPause;
import org.herald.notifier.member.Frequency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hold and the pause as gates on a real PostgreSQL: a held fan-out's deliveries are
 * not claimed and its digest items go into no digest until approved; a cancelled one's
 * never go; a pause stops every claim and digest and its lifting loses nothing; both are
 * kept in the database, so a fresh instance (a restart) sees them.
 */
class HoldGateTests {

    private JdbcClient jdbc;

    private DeliveryLedger ledger;

    private Digests digests;

    private DigestItems items;

    private AnnouncementTagged announcement;

    private final UUID ada = UUID.randomUUID();

    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void database() {
        DataSource dataSource = NotifierDatabase.migrated();
        this.jdbc = JdbcClient.create(dataSource);
        this.ledger = new DeliveryLedger(this.jdbc, new JdbcTemplate(dataSource),
                new RetrySchedules(new RetrySchedule(List.of(Duration.ZERO)), Map.of()));
        this.digests = new Digests(this.jdbc);
        this.items = new DigestItems(new JdbcTemplate(dataSource));
        this.announcement = Announcements.taggedWith("mining", 1);
        new AnnouncementStore(this.jdbc, JsonMapper.shared()).save(this.announcement);
        for (UUID member : List.of(this.ada, this.bob)) {
            this.jdbc.sql("INSERT INTO notifier.member (id, email) VALUES (:id, :email)")
                .param("id", member)
                .param("email", member + "@example.org")
                .update();
        }
        this.ledger.record(List.of(new NewDelivery(this.announcement.id(), Channel.EMAIL, this.ada, "ada@example.org",
                List.of("mining"))));
        this.items
            .record(List.of(new NewDigestItem(this.bob, this.announcement.id(), Frequency.DAILY, List.of("mining"))));
    }

    private Holds holds(int minRecipients, int belowRelevance) {
        return new Holds(this.jdbc, new HoldProperties(minRecipients, belowRelevance));
    }

    @Test
    void holdsNothingWhenOff() {
        assertThat(holds(0, 0).consider(this.announcement.id(), this.announcement.relevance())).isFalse();
        assertThat(this.ledger.claim(Channel.EMAIL, 10, Duration.ofMinutes(1))).hasSize(1);
    }

    @Test
    void holdsALargeFanOutsDeliveriesAndDigestItemsUntilApproved() {
        assertThat(holds(3, 0).consider(this.announcement.id(), 1)).as("2 recipients, hold from 3").isFalse();
        Holds holds = holds(2, 0);
        assertThat(holds.consider(this.announcement.id(), 1)).isTrue();
        assertThat(holds.find(this.announcement.id()).orElseThrow().reason()).contains("2 recipients");

        assertThat(this.ledger.claim(Channel.EMAIL, 10, Duration.ofMinutes(1))).isEmpty();
        assertThat(this.digests.create(Frequency.DAILY, Instant.now(), Duration.ZERO)).isEmpty();

        Holds afterRestart = holds(2, 0);
        assertThat(afterRestart.consider(this.announcement.id(), 1)).as("taken in again: the hold stays").isFalse();
        assertThat(afterRestart.waiting()).extracting(Holds.Hold::announcementId)
            .containsExactly(this.announcement.id());
        assertThat(afterRestart.approve(this.announcement.id())).isTrue();
        assertThat(afterRestart.approve(this.announcement.id())).as("approved once").isFalse();

        assertThat(this.ledger.claim(Channel.EMAIL, 10, Duration.ofMinutes(1))).hasSize(1);
        List<UUID> created = this.digests.create(Frequency.DAILY, Instant.now(), Duration.ZERO);
        assertThat(created).hasSize(1);
        assertThat(this.digests.items(created.get(0))).hasSize(1);
    }

    @Test
    void holdsALowRelevanceFanOutAndACancelledOneNeverGoes() {
        Holds holds = holds(0, 2);
        assertThat(holds.consider(this.announcement.id(), 1)).isTrue();
        assertThat(holds.cancel(this.announcement.id())).isTrue();
        assertThat(this.ledger.claim(Channel.EMAIL, 10, Duration.ofMinutes(1))).isEmpty();
        assertThat(this.digests.create(Frequency.DAILY, Instant.now(), Duration.ZERO)).isEmpty();
        assertThat(this.ledger.forAnnouncement(this.announcement.id())).singleElement()
            .satisfies((delivery) -> assertThat(delivery.lastError()).contains("cancelled"));
    }

    @Test
    void aPauseStopsEveryClaimAndDigestAndLosesNothing() {
        int[] woken = new int[1];
        SendingPause pause = new SendingPause(this.jdbc, () -> woken[0]++);
        assertThat(pause.pause().paused()).isTrue();
        assertThat(this.ledger.claim(Channel.EMAIL, 10, Duration.ofMinutes(1))).isEmpty();
        assertThat(this.digests.create(Frequency.DAILY, Instant.now(), Duration.ZERO)).isEmpty();

        SendingPause afterRestart = new SendingPause(this.jdbc, () -> woken[0]++);
        assertThat(afterRestart.state().paused()).isTrue();
        assertThat(afterRestart.resume().paused()).isFalse();
        assertThat(woken[0]).isEqualTo(1);
        assertThat(this.ledger.claim(Channel.EMAIL, 10, Duration.ofMinutes(1))).hasSize(1);
        assertThat(this.digests.create(Frequency.DAILY, Instant.now(), Duration.ZERO)).hasSize(1);
    }

}
