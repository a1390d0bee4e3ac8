package org.herald.notifier.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partners, in PostgreSQL, their secrets sealed.
 */
public class Partners {

    private final JdbcClient jdbc;

    private final PartnerSecrets secrets;

    public Partners(JdbcClient jdbc, PartnerSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /**
     * Registers a partner with a new secret.
     * @return its id and the secret, which is not available again
     */
    Registered register(String name, String url, String contactEmail, List<String> tags, String match,
            int minRelevance) {
        UUID id = UUID.randomUUID();
        String secret = this.secrets.newSecret();
        this.jdbc.sql("""
                INSERT INTO notifier.partner (id, name, url, contact_email, tags, match_mode, min_relevance, secret_sealed)
                VALUES (:id, :name, :url, :contactEmail, CAST(:tags AS text[]), :match, :minRelevance, :sealed)
                """)
            .param("id", id)
            .param("name", name)
            .param("url", url)
            .param("contactEmail", contactEmail)
            .param("tags", tags.toArray(new String[0]))
            .param("match", match)
            .param("minRelevance", minRelevance)
            .param("sealed", this.secrets.seal(secret, id))
            .update();
        return new Registered(id, secret);
    }

    public Optional<Partner> find(UUID id) {
        return this.jdbc.sql("SELECT * FROM notifier.partner WHERE id = :id")
            .param("id", id)
            .query(Partners::partner)
            .optional();
    }

    /** Every partner that receives webhooks. */
    public List<Partner> enabled() {
        return this.jdbc.sql("SELECT * FROM notifier.partner WHERE enabled ORDER BY created_at, id")
            .query(Partners::partner)
            .list();
    }

    /** The endpoint of a partner with its secret decrypted, to sign a webhook. */
    public Optional<PartnerEndpoint> endpoint(UUID id) {
        return this.jdbc.sql("SELECT id, url, enabled, secret_sealed FROM notifier.partner WHERE id = :id")
            .param("id", id)
            .query((row, rowNum) -> new PartnerEndpoint(row.getObject("id", UUID.class), row.getString("url"),
                    row.getBoolean("enabled"), this.secrets.open(row.getBytes("secret_sealed"), id)))
            .optional();
    }

    /** Stops webhooks to a partner, e.g. because its endpoint answered 410 Gone. */
    public void disable(UUID id, String reason) {
        this.jdbc.sql("UPDATE notifier.partner SET enabled = false, disabled_reason = :reason WHERE id = :id")
            .param("reason", reason)
            .param("id", id)
            .update();
    }

    private static Partner partner(ResultSet row, int rowNum) throws SQLException {
        OffsetDateTime created = row.getObject("created_at", OffsetDateTime.class);
        return new Partner(row.getObject("id", UUID.class), row.getString("name"), row.getString("url"),
                row.getString("contact_email"), Arrays.asList((String[]) row.getArray("tags").getArray()),
                row.getString("match_mode"), row.getInt("min_relevance"), row.getBoolean("enabled"),
                row.getString("disabled_reason"), (created != null) ? created.toInstant() : null);
    }

    /**
     * A partner just registered.
     *
     * @param id its id
     * @param secret its signing secret, shown once
     */
    record Registered(UUID id, String secret) {

        @Override
        public String toString() {
            return "Registered[id=" + this.id + ", secret=hidden]";
        }

    }

}
