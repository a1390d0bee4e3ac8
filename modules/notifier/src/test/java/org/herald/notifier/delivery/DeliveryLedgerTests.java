package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.NotifierDatabase;
import org.herald.notifier.Announcements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's guarantees on a real PostgreSQL: each delivery recorded once, claimed by
 * one dispatcher at a time, reclaimed after its lease, and a lost claim unable to
 * overwrite the newer one. Each test has a database of its own.
 */
class DeliveryLedgerTests {

    private static final RetrySchedules SCHEDULES = new RetrySchedules(
            new RetrySchedule(List.of(Duration.ZERO, Duration.ofMinutes(5))), Map.of());

    private DataSource dataSource;

    private DeliveryLedger ledger;

    private LedgerQueries queries;

    private JdbcClient jdbc;

    private AnnouncementTagged announcement;

    @BeforeEach
    void ledgerWithAnAnnouncement() {
        DataSource dataSource = NotifierDatabase.migrated();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.ledger = new DeliveryLedger(jdbc, new JdbcTemplate(dataSource), SCHEDULES);
        this.queries = new LedgerQueries(jdbc);
        this.announcement = Announcements.taggedWith("ledger", 2);
        new AnnouncementStore(jdbc, JsonMapper.shared()).save(this.announcement);
    }

    @Test
    void recordsEachDeliveryOnce() {
        List<NewDelivery> deliveries = List.of(email("a@example.org"), email("b@example.org"));
        assertThat(this.ledger.record(deliveries)).isEqualTo(2);
        assertThat(this.ledger.record(deliveries)).isZero();
        assertThat(this.ledger.record(List.of(email("b@example.org"), email("c@example.org")))).isEqualTo(1);
        assertThat(this.queries.forAnnouncement(this.announcement.id(), null, 100)).hasSize(3)
            .allSatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING));
    }

    @Test
    void claimsADueDeliveryOnceAndCountsTheAttempt() {
        this.ledger.record(List.of(email("a@example.org")));
        List<Delivery> claimed = this.ledger.claim(Channel.EMAIL, 10, Duration.ofMinutes(2));
        assertThat(claimed).singleElement().satisfies((delivery) -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENDING);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.claimToken()).isNotNull();
        });
        assertThat(this.ledger.claim(Channel.EMAIL, 10, Duration.ofMinutes(2))).isEmpty();
        assertThat(this.ledger.claim(Channel.WEBHOOK, 10, Duration.ofMinutes(2))).isEmpty();
        assertThat(this.ledger.markSent(claimed.get(0))).isTrue();
        assertThat(this.queries.find(claimed.get(0).id())).hasValueSatisfying((delivery) -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.sentAt()).isNotNull();
        });
    }

    @Test
    void reclaimsADeliveryWhoseClaimOutlivedItsLeaseAndFencesTheLostClaim() {
        this.ledger.record(List.of(email("a@example.org")));
        Delivery first = this.ledger.claim(Channel.EMAIL, 1, Duration.ofMinutes(2)).get(0);
        Delivery second = this.ledger.claim(Channel.EMAIL, 1, Duration.ZERO).get(0);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(this.ledger.markFailed(first, "late answer of the crashed dispatcher")).isFalse();
        assertThat(this.ledger.markSent(second)).isTrue();
        assertThat(this.queries.find(first.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void anExpiredClaimGoesBackToPendingAheadOfTheDeliveriesDueAfterIt() throws InterruptedException {
        this.ledger.record(List.of(email("a@example.org")));
        Delivery lost = this.ledger.claim(Channel.EMAIL, 1, Duration.ofMinutes(2)).get(0);
        Thread.sleep(20);
        this.ledger.record(List.of(email("b@example.org")));

        assertThat(this.ledger.expireClaims(Channel.EMAIL, Duration.ofMinutes(2))).as("within the lease").isZero();
        assertThat(this.ledger.expireClaims(Channel.EMAIL, Duration.ZERO)).isEqualTo(1);
        assertThat(this.ledger.find(lost.id()).orElseThrow()).satisfies((delivery) -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.claimToken()).isNull();
            assertThat(delivery.lastError()).startsWith("Attempt 1 did not finish within the lease");
        });
        assertThat(this.ledger.markSent(lost)).as("the lost claim's late answer").isFalse();
        assertThat(this.ledger.claim(Channel.EMAIL, 1, Duration.ofMinutes(2))).singleElement().satisfies((delivery) -> {
            assertThat(delivery.id()).as("due before b").isEqualTo(lost.id());
            assertThat(delivery.attempts()).isEqualTo(2);
        });
    }

    /**
     * The plan a connection caches for the claim while the delivery table is empty (as
     * before the first fan-out, its statistics from a vacuum of the empty table) must
     * still claim at most the limit once the table fills: a plan that scanned the locking
     * lookup again for each row of the table claimed other rows at each scan, all 20,000
     * of a fan-out in one claim (docs/performance.md).
     */
    @Test
    void claimsNoMoreThanTheLimitWithAPlanCachedWhileTheTableWasEmpty() throws SQLException {
        this.jdbc.sql("VACUUM ANALYZE notifier.delivery").update();
        SingleConnectionDataSource one = new SingleConnectionDataSource(this.dataSource.getConnection(), true);
        try {
            DeliveryLedger ledger = new DeliveryLedger(JdbcClient.create(one), new JdbcTemplate(one), SCHEDULES);
            for (int poll = 0; poll < 20; poll++) {
                assertThat(ledger.claim(Channel.EMAIL, 16, Duration.ofMinutes(2))).isEmpty();
            }
            ledger.record(IntStream.range(0, 2000).mapToObj((i) -> email("n" + i + "@example.org")).toList());
            Set<UUID> seen = new HashSet<>();
            for (int claim = 0; claim < 5; claim++) {
                List<Delivery> claimed = ledger.claim(Channel.EMAIL, 16, Duration.ofMinutes(2));
                assertThat(claimed).hasSize(16);
                claimed.forEach((delivery) -> assertThat(seen.add(delivery.id())).isTrue());
            }
        }
        finally {
            one.destroy();
        }
    }

    @Test
    void marksABatchSentInOneStatementFencingEachClaim() {
        this.ledger.record(List.of(email("a@example.org"), email("b@example.org"), email("c@example.org")));
        List<Delivery> claimed = this.ledger.claim(Channel.EMAIL, 3, Duration.ofMinutes(2));
        Delivery lost = claimed.get(1);
        // As a dispatcher leaves it that hung an hour ago mid-send; a newer one takes it.
        this.jdbc.sql("UPDATE notifier.delivery SET claimed_at = now() - interval '1 hour' WHERE id = :id")
            .param("id", lost.id())
            .update();
        assertThat(this.ledger.expireClaims(Channel.EMAIL, Duration.ofMinutes(2))).isEqualTo(1);
        Delivery taken = this.ledger.claim(Channel.EMAIL, 1, Duration.ofMinutes(2)).get(0);
        assertThat(taken.id()).isEqualTo(lost.id());
        List<UUID> kept = claimed.stream().map(Delivery::id).filter((id) -> !id.equals(lost.id())).toList();

        Set<UUID> marked = this.ledger.markSent(claimed);

        assertThat(marked).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(this.ledger.find(kept.get(0)).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(this.ledger.find(kept.get(1)).orElseThrow().sentAt()).isNotNull();
        assertThat(this.ledger.find(lost.id()).orElseThrow()).satisfies((delivery) -> {
            assertThat(delivery.status()).as("the newer claim's").isEqualTo(DeliveryStatus.SENDING);
            assertThat(delivery.claimToken()).isEqualTo(taken.claimToken());
        });
        assertThat(this.ledger.markSent(List.of())).isEmpty();
    }

    @Test
    void workersMarkingAtOnceShareCommitsAndEachLearnsItsOwnResult() throws Exception {
        this.ledger.record(IntStream.range(0, 120).mapToObj((i) -> email("s" + i + "@example.org")).toList());
        List<Delivery> claimed = this.ledger.claim(Channel.EMAIL, 120, Duration.ofMinutes(2));
        Delivery lost = claimed.get(0);
        this.ledger.markFailed(lost, "taken over and finished elsewhere");
        SentMarks marks = new SentMarks(this.ledger);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> markers = claimed.stream()
                .map((delivery) -> (Callable<Boolean>) () -> marks.markSent(delivery))
                .toList();
            List<Future<Boolean>> results = pool.invokeAll(markers);
            assertThat(results.get(0).get()).as("the lost claim").isFalse();
            for (Future<Boolean> result : results.subList(1, results.size())) {
                assertThat(result.get()).isTrue();
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(this.ledger.forAnnouncement(this.announcement.id()))
            .filteredOn((delivery) -> delivery.status() == DeliveryStatus.SENT)
            .hasSize(119);
        assertThat(this.ledger.find(lost.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void aRetryIsDueAfterItsDelay() {
        this.ledger.record(List.of(email("a@example.org"), email("b@example.org")));
        List<Delivery> claimed = this.ledger.claim(Channel.EMAIL, 2, Duration.ofMinutes(2));
        assertThat(this.ledger.scheduleRetry(claimed.get(0), "421 try later", Duration.ofMinutes(5))).isTrue();
        assertThat(this.ledger.scheduleRetry(claimed.get(1), "421 try later", Duration.ZERO)).isTrue();
        List<Delivery> again = this.ledger.claim(Channel.EMAIL, 2, Duration.ofMinutes(2));
        assertThat(again).singleElement().satisfies((delivery) -> {
            assertThat(delivery.id()).isEqualTo(claimed.get(1).id());
            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(delivery.lastError()).isEqualTo("421 try later");
        });
        assertThat(this.queries.find(claimed.get(0).id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void dispatchersClaimingAtOnceNeverShareADelivery() throws Exception {
        List<NewDelivery> deliveries = IntStream.range(0, 200)
            .mapToObj((i) -> email("m" + i + "@example.org"))
            .toList();
        this.ledger.record(deliveries);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<UUID>>> claimers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                claimers.add(() -> {
                    List<UUID> ids = new ArrayList<>();
                    List<Delivery> batch;
                    while (!(batch = this.ledger.claim(Channel.EMAIL, 7, Duration.ofMinutes(2))).isEmpty()) {
                        batch.forEach((delivery) -> ids.add(delivery.id()));
                    }
                    return ids;
                });
            }
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> claimed : pool.invokeAll(claimers)) {
                all.addAll(claimed.get());
            }
            Set<UUID> distinct = new HashSet<>(all);
            assertThat(all).hasSize(200);
            assertThat(distinct).hasSize(200);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private NewDelivery email(String address) {
        return new NewDelivery(this.announcement.id(), Channel.EMAIL, UUID.nameUUIDFromBytes(address.getBytes()),
                address, List.of("ledger"));
    }

}
