package org.herald.notifier;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.events.AnnouncementTagged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing the admin API lists is unbounded (issue 11): deliveries, members and partners
 * come {@code limit} at a time (at most 1,000) with a keyset cursor to the next page; a
 * member is found by address without the address in a URL; a member's subscriptions are
 * capped (here at 3).
 */
@NotifierTest
@TestPropertySource(properties = { "herald.notifier.members.max-subscriptions=3",
        "herald.notifier.webhooks.allowed-networks=127.0.0.0/8", "herald.notifier.email.retry-schedule=1h" })
class ListsAndCapsTests {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void pagesTheDeliveriesOfAnAnnouncement(TestApi api, TestMembers members, TaggedTopic topic) {
        String tag = "paged-" + Announcements.run();
        for (int i = 0; i < 5; i++) {
            members.create(tag + "-" + i + "@example.org", TestMembers.sub(tag, null));
        }
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 2));
        await().untilAsserted(() -> assertThat(api.deliveries(announcement.id())).hasSize(5));

        List<String> recipients = new ArrayList<>();
        String path = "/api/v1/deliveries?announcementId=" + announcement.id() + "&limit=2";
        List<Integer> sizes = new ArrayList<>();
        while (path != null) {
            HttpResponse<String> page = api.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode items = TestApi.json(page);
            sizes.add(items.size());
            items.forEach((item) -> recipients.add(item.get("recipient").asString()));
            path = next(page);
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(recipients).doesNotHaveDuplicates().hasSize(5).isSorted();
        assertThat(api.get("/api/v1/deliveries?announcementId=" + announcement.id() + "&limit=1001").statusCode())
            .isEqualTo(400);
        assertThat(api.get("/api/v1/deliveries?announcementId=" + announcement.id() + "&limit=0").statusCode())
            .isEqualTo(400);
    }

    @Test
    void pagesMembersWithACursor(TestApi api, TestMembers members) {
        for (int i = 0; i < 5; i++) {
            members.create("listed-" + i + "-" + UUID.randomUUID() + "@example.org", TestMembers.sub("t" + i, null));
        }
        JsonNode all = TestApi.json(api.get("/api/v1/members"));
        assertThat(all.get("limit").asInt()).isEqualTo(100);
        int total = all.get("items").size();
        assertThat(total).isGreaterThanOrEqualTo(5);
        assertThat(all.get("next").isNull()).isTrue();

        Set<String> seen = new HashSet<>();
        String path = "/api/v1/members?limit=2";
        int pages = 0;
        while (path != null) {
            HttpResponse<String> page = api.get(path);
            JsonNode body = TestApi.json(page);
            assertThat(body.get("items").size()).isLessThanOrEqualTo(2);
            body.get("items").forEach((member) -> assertThat(seen.add(member.get("id").asString())).isTrue());
            String next = body.get("next").isNull() ? null : body.get("next").asString();
            assertThat(next(page)).isEqualTo(next);
            path = next;
            pages++;
        }
        assertThat(seen).hasSize(total);
        assertThat(pages).isEqualTo((total + 1) / 2);
        assertProblem(api.get("/api/v1/members?limit=1001"), 400);
        assertProblem(api.get("/api/v1/members?after=not-a-cursor"), 400);
    }

    @Test
    void findsAMemberByAddressWithoutTheAddressInTheUrl(TestApi api, TestMembers members) {
        String address = "Sought-" + UUID.randomUUID() + "@example.org";
        String id = members.create(address);
        members.create("other-" + UUID.randomUUID() + "@example.org");

        JsonNode found = TestApi
            .json(api.post("/api/v1/members/search", "{\"email\":\"" + address.toLowerCase() + "\"}"));
        assertThat(found.get("items")).hasSize(1);
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(TestApi.json(api.post("/api/v1/members/search", "{\"email\":\"nobody@example.org\"}")).get("items"))
            .isEmpty();
        assertProblem(api.post("/api/v1/members/search", "{}"), 400);

        HttpResponse<String> inUrl = api.get("/api/v1/members?email=" + address);
        assertProblem(inUrl, 400);
        assertThat(TestApi.json(inUrl).get("detail").asString()).contains("POST /api/v1/members/search");
    }

    @Test
    void capsTheSubscriptionsOfAMember(TestApi api, TestMembers members) {
        String run = Announcements.run();
        String id = members.create("capped-" + run + "@example.org", TestMembers.sub("a", null),
                TestMembers.sub("b", null), TestMembers.sub("c", null));
        HttpResponse<String> fourth = api.post("/api/v1/members/" + id + "/subscriptions", "{\"tags\":[\"d\"]}");
        assertProblem(fourth, 422);
        assertThat(TestApi.json(fourth).get("maxSubscriptions").asInt()).isEqualTo(3);
        assertThat(TestApi.json(api.get("/api/v1/members/" + id + "/subscriptions"))).hasSize(3);

        assertProblem(
                api.post("/api/v1/members",
                        TestMembers.json("capped-too-" + run + "@example.org", null, null, TestMembers.sub("a", null),
                                TestMembers.sub("b", null), TestMembers.sub("c", null), TestMembers.sub("d", null))),
                422);
        assertProblem(api.call("PUT", "/api/v1/members/" + id,
                "{\"email\":\"capped-" + run
                        + "@example.org\",\"subscriptions\":[{\"tags\":[\"a\"]},{\"tags\":[\"b\"]},{\"tags\":[\"c\"]},"
                        + "{\"tags\":[\"d\"]}]}"),
                422);
        assertThat(TestApi.json(api.get("/api/v1/members/" + id + "/subscriptions"))).hasSize(3);
    }

    @Test
    void pagesPartnersWithACursor(TestApi api) {
        String run = Announcements.run();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> created = api.post("/api/v1/partners",
                    "{\"name\":\"Paged " + i + "\",\"url\":\"http://127.0.0.1:9/hooks/" + run + "-" + i
                            + "\",\"contactEmail\":\"ops-" + run + "@example.org\",\"tags\":[\"" + run + "\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        Set<String> seen = new HashSet<>();
        String path = "/api/v1/partners?limit=1";
        int pages = 0;
        while (path != null) {
            JsonNode body = TestApi.json(api.get(path));
            assertThat(body.get("items")).hasSize(1);
            seen.add(body.get("items").get(0).get("id").asString());
            path = body.get("next").isNull() ? null : body.get("next").asString();
            pages++;
        }
        assertThat(seen).hasSize(pages).hasSizeGreaterThanOrEqualTo(3);
        assertProblem(api.get("/api/v1/partners?limit=1001"), 400);
    }

    private static String next(HttpResponse<String> response) {
        return response.headers().firstValue("Link").map((link) -> {
            Matcher next = NEXT.matcher(link);
            return next.find() ? next.group(1) : null;
        }).orElse(null);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
    }

}
