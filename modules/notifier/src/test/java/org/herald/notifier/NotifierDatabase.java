package org.herald.notifier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.herald.testsupport.TestDatabase;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database with the notifier's schema migrated, for tests of the notifier's SQL
 * without an application context.
 */
public final class NotifierDatabase {

    private NotifierDatabase() {
    }

    /**
     * A new database (see {@link TestDatabase}) with Flyway's notifier migrations
     * applied.
     */
    public static DataSource migrated() {
        TestDatabase.Database database = TestDatabase.create();
        DataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), "");
        Flyway.configure()
            .dataSource(dataSource)
            .schemas("notifier")
            .defaultSchema("notifier")
            .locations("classpath:db/migration/notifier")
            .load()
            .migrate();
        return dataSource;
    }

}
