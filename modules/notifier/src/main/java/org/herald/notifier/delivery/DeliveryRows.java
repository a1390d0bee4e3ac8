package org.herald.notifier.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * How the {@link DeliveryLedger}'s rows read and its values are written: a delivery from
 * its row, durations as seconds, errors cut to the column's length.
 */
final class DeliveryRows {

    /** The columns a {@link Delivery} is read from. */
    static final String COLUMNS = """
            id, announcement_id, channel, recipient_id, recipient, matched_tags, status, attempts, last_error,
            next_attempt_at, created_at, sent_at, claim_token, event_kind, event_revision""";

    private static final int MAX_ERROR_LENGTH = 1000;

    private DeliveryRows() {
    }

    static Delivery delivery(ResultSet row, int rowNum) throws SQLException {
        return new Delivery(row.getObject("id", UUID.class), row.getObject("announcement_id", UUID.class),
                Channel.of(row.getString("channel")), row.getObject("recipient_id", UUID.class),
                row.getString("recipient"), Arrays.asList((String[]) row.getArray("matched_tags").getArray()),
                DeliveryStatus.of(row.getString("status")), row.getInt("attempts"), row.getString("last_error"),
                instant(row, "next_attempt_at"), instant(row, "created_at"), instant(row, "sent_at"),
                row.getObject("claim_token", UUID.class), EventKind.of(row.getString("event_kind")),
                row.getInt("event_revision"));
    }

    static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** Named parameters from name, value pairs; values may be null (a NULL column). */
    static Map<String, @Nullable Object> params(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static @Nullable String truncate(@Nullable String error) {
        return (error != null && error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
    }

}
