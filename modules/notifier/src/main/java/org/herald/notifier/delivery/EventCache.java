package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the deliveries of one event (an announcement, the event's kind and revision) read
 * of it, kept for a moment, so that a fan-out reads its announcement once a moment rather
 * than once a delivery. What was read serves for {@code ttl}, and only until this
 * instance changes an announcement or a commentary ({@link AnnouncementStore#changes()},
 * {@link CommentaryStore#changes()}): a change made here is seen at once, one made by
 * another instance within {@code ttl}. The {@code capacity} events used last are kept.
 *
 * @param <V> what is read of an event
 */
public final class EventCache<V> {

    private final AnnouncementStore announcements;

    private final CommentaryStore commentaries;

    private final long ttlNanos;

    private final Map<Key, Entry<V>> entries;

    public EventCache(AnnouncementStore announcements, CommentaryStore commentaries, Duration ttl, int capacity) {
        this.announcements = announcements;
        this.commentaries = commentaries;
        this.ttlNanos = ttl.toNanos();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry<V>> eldest) {
                return size() > capacity;
            }

        };
    }

    /**
     * What {@code delivery}'s event read as, for another delivery of it a moment ago, or
     * {@code read} now; what {@code read} answers is kept for the next ones if
     * {@code keep} says so (e.g. not when the announcement was not found).
     */
    public V get(Delivery delivery, Function<Delivery, V> read, Predicate<V> keep) {
        Key key = new Key(delivery.announcementId(), delivery.eventKind(), delivery.eventRevision());
        long changes = this.announcements.changes() + this.commentaries.changes();
        long now = System.nanoTime();
        Entry<V> cached;
        synchronized (this.entries) {
            cached = this.entries.get(key);
        }
        if (cached != null && cached.changes() == changes && now - cached.readAt() < this.ttlNanos) {
            return cached.value();
        }
        V value = read.apply(delivery);
        if (keep.test(value)) {
            synchronized (this.entries) {
                this.entries.put(key, new Entry<>(value, now, changes));
            }
        }
        return value;
    }

    private record Key(UUID announcementId, EventKind kind, int revision) {
    }

    /** What was read, when, and the stores' count of changes then. */
    private record Entry<V>(V value, long readAt, long changes) {
    }

}
