package org.herald.notifier.console;

import java.util.List;
import java.util.Map;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.hold.Holds;
import org.jspecify.annotations.Nullable;

/**
 * One announcement as the console shows it: as tagged, its deliveries by channel and
 * status, and its hold if it has one.
 *
 * @param announcement the announcement as the notifier took it in
 * @param counts channel ({@code email}, {@code webhook}, {@code digest}) → status → count
 * @param hold its hold, or null
 */
public record AnnouncementsPage(AnnouncementTagged announcement, Map<String, Map<String, Long>> counts,
        Holds.@Nullable Hold hold) {

    public long total() {
        return this.counts.values()
            .stream()
            .flatMap((byStatus) -> byStatus.values().stream())
            .mapToLong(Long::longValue)
            .sum();
    }

    public static List<String> statuses() {
        return ConsoleQueries.STATUSES;
    }

}
