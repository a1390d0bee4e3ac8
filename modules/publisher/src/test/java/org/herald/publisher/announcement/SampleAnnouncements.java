package org.herald.publisher.announcement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The announcement of the issue (4 February 2026), at a URL of its own for each test.
 */
final class SampleAnnouncements {

    static final String URL = "https://www.gov.uk/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals";

    private SampleAnnouncements() {
    }

    /** The MoU announcement, at a URL no other test uses. */
    static Map<String, Object> mou() {
        return mou(URL + "-" + UUID.randomUUID());
    }

    static Map<String, Object> mou(String url) {
        Map<String, Object> announcement = new LinkedHashMap<>();
        announcement.put("source", "api:test");
        announcement.put("externalId", "5f2b0c8e-critical-minerals");
        announcement.put("url", url);
        announcement.put("title", "UK and US sign Memorandum of Understanding on critical minerals");
        announcement.put("summary", "The UK and US have agreed to secure critical mineral supply chains.");
        announcement.put("body", "The Memorandum of Understanding covers securing critical mineral supply chains; "
                + "responsible sourcing and processing; investment in mining, processing and recycling capacity; "
                + "sharing policy and regulatory practice; and a Mining, Minerals and Metals Investment "
                + "Ministerial within six months.");
        announcement.put("publishedAt", "2026-02-04T09:30:00Z");
        announcement.put("organisation", "Department for Business and Trade");
        announcement.put("documentType", "press_release");
        return announcement;
    }

    /** {@code announcement} with {@code field} set to {@code value}. */
    static Map<String, Object> with(Map<String, Object> announcement, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(announcement);
        changed.put(field, value);
        return changed;
    }

    /** {@code announcement} without {@code fields}. */
    static Map<String, Object> without(Map<String, Object> announcement, String... fields) {
        Map<String, Object> changed = new LinkedHashMap<>(announcement);
        for (String field : fields) {
            changed.remove(field);
        }
        return changed;
    }

}
