package org.herald.notifier;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The members of a test, made through the real admin API ({@code POST /api/v1/members}):
 * {@code members.create("ada@example.org", sub("mining", "immediate"))}. Only what a test
 * names is sent (no subscriptions: no {@code subscriptions} field); the API's defaults
 * fill in the rest.
 */
public final class TestMembers {

    private final TestApi api;

    public TestMembers(TestApi api) {
        this.api = api;
    }

    /** Creates a member with no name or organisation; answers their id. */
    public String create(String email, Sub... subscriptions) {
        return this.api.createMember(json(email, null, null, subscriptions));
    }

    /** Creates a member; answers their id. */
    public String create(String email, @Nullable String name, @Nullable String organisation, Sub... subscriptions) {
        return this.api.createMember(json(email, name, organisation, subscriptions));
    }

    /**
     * Creates a member subscribed to a tag of their own, {@code prefix-<run>}, once per
     * frequency, at {@code <tag>@example.org}.
     */
    public Subscriber subscriber(String prefix, String... frequencies) {
        String tag = prefix + "-" + Announcements.run();
        String address = tag + "@example.org";
        Sub[] subscriptions = Stream.of(frequencies).map((frequency) -> sub(tag, frequency)).toArray(Sub[]::new);
        return new Subscriber(create(address, subscriptions), tag, address);
    }

    /** The JSON of a member, as the admin API takes it. */
    public static String json(String email, @Nullable String name, @Nullable String organisation,
            Sub... subscriptions) {
        List<String> fields = new ArrayList<>();
        fields.add("\"email\":\"" + email + "\"");
        if (name != null) {
            fields.add("\"name\":\"" + name + "\"");
        }
        if (organisation != null) {
            fields.add("\"organisation\":\"" + organisation + "\"");
        }
        if (subscriptions.length > 0) {
            fields.add("\"subscriptions\":[" + Stream.of(subscriptions).map(Sub::json).collect(Collectors.joining(","))
                    + "]");
        }
        return "{" + String.join(",", fields) + "}";
    }

    /** A subscription to one tag at {@code frequency}; null for the default. */
    public static Sub sub(String tag, @Nullable String frequency) {
        return new Sub(List.of(tag), null, null, frequency);
    }

    /**
     * A subscription to {@code tags}, matched as {@code match}, from
     * {@code minRelevance}.
     */
    public static Sub sub(List<String> tags, String match, int minRelevance, String frequency) {
        return new Sub(tags, match, minRelevance, frequency);
    }

    /**
     * A subscription; a null field is left to the API's default.
     *
     * @param tags the tags
     * @param match {@code any} or {@code all}
     * @param minRelevance the least relevance
     * @param frequency {@code immediate}, {@code daily} or {@code weekly}
     */
    public record Sub(List<String> tags, @Nullable String match, @Nullable Integer minRelevance,
            @Nullable String frequency) {

        String json() {
            List<String> fields = new ArrayList<>();
            fields.add("\"tags\":"
                    + this.tags.stream().map((tag) -> "\"" + tag + "\"").collect(Collectors.joining(",", "[", "]")));
            if (this.match != null) {
                fields.add("\"match\":\"" + this.match + "\"");
            }
            if (this.minRelevance != null) {
                fields.add("\"minRelevance\":" + this.minRelevance);
            }
            if (this.frequency != null) {
                fields.add("\"frequency\":\"" + this.frequency + "\"");
            }
            return "{" + String.join(",", fields) + "}";
        }

    }

    /**
     * A member made by {@link #subscriber}.
     *
     * @param id the member's id
     * @param tag the tag they subscribed to
     * @param address their email address
     */
    public record Subscriber(String id, String tag, String address) {

    }

}
