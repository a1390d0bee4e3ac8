package org.herald.notifier.delivery;

import javax.sql.DataSource;

import org.herald.notifier.NotifierDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warning about vacuuming, on a real PostgreSQL: it follows the server's
 * settings, whichever they are (the embedded server has autovacuum on, the machine's own
 * server in CI has it off), and a ledger table with autovacuum disabled is named.
 */
class VacuumCheckTests {

    private JdbcClient jdbc;

    private VacuumCheck check;

    @BeforeEach
    void migratedDatabase() {
        DataSource dataSource = NotifierDatabase.migrated();
        this.jdbc = JdbcClient.create(dataSource);
        this.check = new VacuumCheck(this.jdbc);
    }

    @Test
    void warnsExactlyWhenTheServerDoesNotVacuum() {
        boolean vacuums = this.jdbc
            .sql("SELECT current_setting('autovacuum') = 'on' AND current_setting('track_counts') = 'on'")
            .query(Boolean.class)
            .single();
        if (vacuums) {
            assertThat(this.check.warning()).isEmpty();
        }
        else {
            assertThat(this.check.warning()).hasValueSatisfying(
                    (warning) -> assertThat(warning).contains("off").contains("VACUUM ANALYZE on notifier.delivery"));
        }
    }

    @Test
    void namesALedgerTableWithAutovacuumDisabled() {
        this.jdbc.sql("ALTER TABLE notifier.delivery SET (autovacuum_enabled = false)").update();
        assertThat(this.check.warning()).hasValueSatisfying(
                (warning) -> assertThat(warning).contains("notifier.delivery has autovacuum_enabled = false")
                    .contains("docs/deployment.md"));
        this.jdbc.sql("ALTER TABLE notifier.delivery RESET (autovacuum_enabled)").update();
        assertThat(this.check.warning().orElse("")).doesNotContain("autovacuum_enabled");
    }

}
