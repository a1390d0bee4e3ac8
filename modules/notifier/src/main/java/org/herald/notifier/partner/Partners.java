package org.herald.notifier.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.herald.support.web.KeysetCursor;
import org.jspecify.annotations.Nullable;

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
    Registered register(String name, String url, String contactEmail, List<String> tags, String match, int minRelevance,
            boolean includeImplied, Integer rateLimit) {
        UUID id = UUID.randomUUID();
        String secret = this.secrets.newSecret();
        this.jdbc.sql("""
                INSERT INTO notifier.partner (id, name, url, contact_email, tags, match_mode, min_relevance,
                        include_implied, rate_limit, secret_sealed)
                VALUES (:id, :name, :url, :contactEmail, CAST(:tags AS text[]), :match, :minRelevance,
                        :includeImplied, :rateLimit, :sealed)
                """)
            .param("id", id)
            .param("name", name)
            .param("url", url)
            .param("contactEmail", contactEmail)
            .param("tags", tags.toArray(new String[0]))
            .param("match", match)
            .param("minRelevance", minRelevance)
            .param("includeImplied", includeImplied)
            .param("rateLimit", rateLimit, java.sql.Types.INTEGER)
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

    /**
     * Up to {@code limit} partners after {@code after} (from the start if null), oldest
     * first.
     */
    public List<Partner> page(@Nullable KeysetCursor after, int limit) {
        String where = (after != null) ? "WHERE (created_at, id) > (:afterAt, :afterId) " : "";
        var query = this.jdbc.sql("SELECT * FROM notifier.partner " + where + "ORDER BY created_at, id LIMIT :limit")
            .param("limit", limit);
        if (after != null) {
            query = query.param("afterAt", OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC))
                .param("afterId", after.id());
        }
        return query.query(Partners::partner).list();
    }

    /**
     * The endpoint of a partner with its secrets decrypted, to sign a webhook: the
     * current one, and the one it replaced while the rotation's overlap lasts.
     */
    public Optional<PartnerEndpoint> endpoint(UUID id) {
        return this.jdbc.sql("""
                SELECT id, url, enabled, rate_limit, secret_sealed,
                       CASE WHEN previous_secret_expires_at > now() THEN previous_secret_sealed END AS previous_sealed
                FROM notifier.partner WHERE id = :id
                """).param("id", id).query((row, rowNum) -> {
            List<String> secrets = new ArrayList<>();
            secrets.add(this.secrets.open(row.getBytes("secret_sealed"), id));
            byte[] previous = row.getBytes("previous_sealed");
            if (previous != null) {
                secrets.add(this.secrets.open(previous, id));
            }
            return new PartnerEndpoint(row.getObject("id", UUID.class), row.getString("url"), row.getBoolean("enabled"),
                    row.getObject("rate_limit", Integer.class), secrets);
        }).optional();
    }

    /**
     * The endpoints of {@code ids} (those that exist) with their secrets decrypted, in
     * one query: as {@link #endpoint(UUID)}, for a batch of deliveries.
     */
    public Map<UUID, PartnerEndpoint> endpoints(Collection<UUID> ids) {
        Map<UUID, PartnerEndpoint> endpoints = new HashMap<>();
        this.jdbc.sql("""
                SELECT id, url, enabled, rate_limit, secret_sealed,
                       CASE WHEN previous_secret_expires_at > now() THEN previous_secret_sealed END AS previous_sealed
                FROM notifier.partner WHERE id = ANY (CAST(:ids AS uuid[]))
                """)
            .param("ids", ids.stream().map(UUID::toString).distinct().collect(Collectors.joining(",", "{", "}")))
            .query((row, rowNum) -> {
                UUID id = row.getObject("id", UUID.class);
                List<String> secrets = new ArrayList<>();
                secrets.add(this.secrets.open(row.getBytes("secret_sealed"), id));
                byte[] previous = row.getBytes("previous_sealed");
                if (previous != null) {
                    secrets.add(this.secrets.open(previous, id));
                }
                return new PartnerEndpoint(id, row.getString("url"), row.getBoolean("enabled"),
                        row.getObject("rate_limit", Integer.class), secrets);
            })
            .list()
            .forEach((endpoint) -> endpoints.put(endpoint.id(), endpoint));
        return endpoints;
    }

    /**
     * Gives a partner a new secret; the old one goes on signing beside it for
     * {@code overlap}.
     * @return the new secret, shown once; empty if there is no such partner
     */
    public Optional<String> rotateSecret(UUID id, Duration overlap) {
        String secret = this.secrets.newSecret();
        int updated = this.jdbc.sql("""
                UPDATE notifier.partner
                SET previous_secret_sealed = secret_sealed,
                    previous_secret_expires_at = now() + make_interval(secs => :overlap),
                    secret_sealed = :sealed
                WHERE id = :id
                """)
            .param("overlap", overlap.toMillis() / 1000.0)
            .param("sealed", this.secrets.seal(secret, id))
            .param("id", id)
            .update();
        return (updated == 1) ? Optional.of(secret) : Optional.empty();
    }

    /**
     * Starts webhooks to a partner again, its failure record cleared; false if there is
     * no such partner.
     */
    public boolean enable(UUID id) {
        return this.jdbc.sql("""
                UPDATE notifier.partner SET enabled = true, disabled_reason = NULL, failing_since = NULL WHERE id = :id
                """).param("id", id).update() == 1;
    }

    /**
     * Stops webhooks to a partner, e.g. because its endpoint answered 410 Gone; false if
     * there is none.
     */
    public boolean disable(UUID id, String reason) {
        return this.jdbc.sql("UPDATE notifier.partner SET enabled = false, disabled_reason = :reason WHERE id = :id")
            .param("reason", reason)
            .param("id", id)
            .update() == 1;
    }

    /**
     * Stops webhooks to a partner that still receives them.
     * @return the partner, if this call disabled it (so its contact is told once)
     */
    public Optional<Partner> disableIfEnabled(UUID id, String reason) {
        return this.jdbc.sql("""
                UPDATE notifier.partner SET enabled = false, disabled_reason = :reason WHERE id = :id AND enabled
                RETURNING *
                """).param("reason", reason).param("id", id).query(Partners::partner).optional();
    }

    /** Notes that the partner's endpoint accepted a webhook: it is healthy. */
    public void recordSuccess(UUID id) {
        this.jdbc.sql("UPDATE notifier.partner SET failing_since = NULL, last_success_at = now() WHERE id = :id")
            .param("id", id)
            .update();
    }

    /**
     * Notes that an attempt to the partner's endpoint failed, and disables the partner if
     * it has been failing without a success for {@code disableAfter}.
     * @return the partner, if this call disabled it (so its contact is told once)
     */
    public Optional<Partner> recordFailure(UUID id, Duration disableAfter) {
        this.jdbc.sql("UPDATE notifier.partner SET failing_since = coalesce(failing_since, now()) WHERE id = :id")
            .param("id", id)
            .update();
        return this.jdbc.sql("""
                UPDATE notifier.partner
                SET enabled = false,
                    disabled_reason = 'Failing without a success since '
                        || to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                WHERE id = :id AND enabled AND failing_since <= now() - make_interval(secs => :after)
                RETURNING *
                """)
            .param("id", id)
            .param("after", disableAfter.toMillis() / 1000.0)
            .query(Partners::partner)
            .optional();
    }

    private static Partner partner(ResultSet row, int rowNum) throws SQLException {
        return new Partner(row.getObject("id", UUID.class), row.getString("name"), row.getString("url"),
                row.getString("contact_email"), Arrays.asList((String[]) row.getArray("tags").getArray()),
                row.getString("match_mode"), row.getInt("min_relevance"), row.getBoolean("include_implied"),
                row.getObject("rate_limit", Integer.class), row.getBoolean("enabled"), row.getString("disabled_reason"),
                instant(row, "failing_since"), instant(row, "last_success_at"), instant(row, "created_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
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
