package org.herald.publisher.feed;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the entries of a polled document. A later poll that finds none of the entries
 * seen before may have missed some: a Search API source pages back ({@code start=}) until
 * it reaches an entry seen, or one older than the newest it saw; a feed reports the
 * possible gap.
 */
final class EntryPages {

    private final SeenEntries seen;

    private final FeedFetcher fetcher;

    private final int maxPages;

    EntryPages(SeenEntries seen, FeedFetcher fetcher, int maxPages) {
        this.seen = seen;
        this.fetcher = fetcher;
        this.maxPages = maxPages;
    }

    /** The entries of the document, and of the pages back to the last one seen. */
    Entries read(Source source, FeedResponse response) {
        FeedReader reader = source.kind().reader();
        List<FeedEntry> entries = new ArrayList<>(reader.read(Objects.requireNonNull(response.body()), source.url()));
        if (source.firstPoll() || entries.isEmpty() || reachedSeen(source, entries)) {
            return new Entries(entries, null);
        }
        if (!source.kind().pages()) {
            return new Entries(entries, gap(source, entries, "feed"));
        }
        List<FeedEntry> page = entries;
        for (int pages = 1; pages < this.maxPages; pages++) {
            URI next = UriComponentsBuilder.fromUri(source.url())
                .replaceQueryParam("start", entries.size())
                .build(true)
                .toUri();
            FeedResponse more = this.fetcher.fetch(next, null, null);
            if (!more.ok()) {
                return new Entries(entries, gap(source, entries,
                        "search results (page " + (pages + 1) + " answered HTTP " + more.status() + ")"));
            }
            page = reader.read(Objects.requireNonNull(more.body()), next);
            if (page.isEmpty()) {
                return new Entries(entries, null);
            }
            entries.addAll(page);
            if (reachedSeen(source, page)) {
                return new Entries(entries, null);
            }
        }
        return new Entries(entries, gap(source, entries, "first " + this.maxPages + " pages of results"));
    }

    /**
     * Whether {@code entries} reach what the source saw before: an entry seen, or one no
     * newer than the newest seen.
     */
    private boolean reachedSeen(Source source, List<FeedEntry> entries) {
        Instant newestSeen = source.status().lastEntryAt();
        if (newestSeen != null && entries.stream()
            .anyMatch((entry) -> entry.changedAt() != null && !entry.changedAt().isAfter(newestSeen))) {
            return true;
        }
        return !this.seen.seen(source.id(), entries.stream().map(FeedEntry::key).toList()).isEmpty();
    }

    private static String gap(Source source, List<FeedEntry> entries, String where) {
        Instant oldest = entries.stream()
            .map(FeedEntry::changedAt)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(null);
        return "Possible gap: none of the " + entries.size() + " entries in the " + where
                + " had been seen before; entries after " + source.status().lastEntryAt()
                + ((oldest != null) ? " and before " + oldest : "") + " may have been missed";
    }

    /** The entries read, and the possible gap before them, if any. */
    record Entries(List<FeedEntry> entries, @Nullable String gap) {
    }

}
