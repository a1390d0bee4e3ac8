package org.herald.notifier;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.email.LinkTokens;
import org.herald.notifier.TestMembers.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.herald.notifier.TestMembers.sub;

/**
 * The email members get, end to end with GreenMail: headers, one-click unsubscribe (RFC
 * 8058), the signed preferences page, tokens that are tampered with or expired, one email
 * per announcement at the most frequent frequency.
 */
@NotifierTest
@TestPropertySource(properties = { "herald.notifier.public-base-url=https://herald.test",
        "herald.notifier.email.link-key=" + MemberEmailTests.LINK_KEY })
class MemberEmailTests {

    static final String LINK_KEY = "test-link-key-0123456789-0123456789-abcdef";

    private static final Pattern PREFERENCES = Pattern
        .compile("https://herald\\.test/preferences\\?token=([A-Za-z0-9_.%-]+)");

    @RegisterExtension
    static final SmtpInbox smtp = new SmtpInbox();

    @Test
    void unsubscribesWithOneClickPostButNotWithAGet(TestApi api, TestMembers members, TaggedTopic topic)
            throws Exception {
        Subscriber subscriber = members.subscriber("leaving", "immediate");
        topic.publish(Announcements.taggedWith(subscriber.tag(), 1));

        MimeMessage email = smtp.awaitMessages(subscriber.address(), 1).get(0);
        String listUnsubscribe = email.getHeader("List-Unsubscribe", null);
        assertThat(listUnsubscribe).matches("<https://herald\\.test/unsubscribe\\?token=[A-Za-z0-9_.%-]+>");
        assertThat(email.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        MimeMultipart parts = (MimeMultipart) email.getContent();
        for (int i = 0; i < 2; i++) {
            assertThat(PREFERENCES.matcher((String) parts.getBodyPart(i).getContent()).find()).isTrue();
        }
        String url = local(api, listUnsubscribe.substring(1, listUnsubscribe.length() - 1));

        HttpResponse<String> page = api.anonymous("GET", url, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<form method=\"post\"")
            .contains("Unsubscribe from everything")
            .contains(subscriber.address());
        assertThat(subscriptions(api, subscriber.id())).as("a GET changes nothing").isEqualTo(1);

        HttpResponse<String> oneClick = api.anonymous("POST", url, "List-Unsubscribe=One-Click",
                "application/x-www-form-urlencoded");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(subscriptions(api, subscriber.id())).isZero();
        assertThat(api.get("/api/v1/members/" + subscriber.id()).statusCode()).as("the member stays").isEqualTo(200);

        String markerTag = "marker-" + Announcements.run();
        members.create(markerTag + "@example.org", sub(markerTag, "immediate"));
        AnnouncementTagged next = topic.publish(Announcements.taggedWith(subscriber.tag(), 2));
        topic.publish(Announcements.taggedWith(markerTag, 1));
        smtp.awaitMessages(markerTag + "@example.org", 1);
        // One partition: the marker was taken in after the next announcement, which
        // therefore matched no one.
        assertThat(TestApi.json(api.get("/api/v1/deliveries?announcementId=" + next.id()))).isEmpty();
        assertThat(smtp.messagesTo(subscriber.address())).as("nothing more after unsubscribing").hasSize(1);
    }

    @Test
    void answersTamperedAndMissingTokensWithAClearPageAndStillUnsubscribesWithAnExpiredOne(TestApi api,
            TestMembers members) throws Exception {
        String member = members.create("tokens-" + Announcements.run() + "@example.org", sub("tokens", "immediate"));
        LinkTokens tokens = new LinkTokens(LINK_KEY, Duration.ofDays(1), Clock.systemUTC());
        String good = tokens.issue(UUID.fromString(member), LinkTokens.Purpose.UNSUBSCRIBE);
        char last = good.charAt(good.length() - 1);
        String tampered = good.substring(0, good.length() - 1) + ((last == 'A') ? 'B' : 'A');
        String expired = new LinkTokens(LINK_KEY, Duration.ofSeconds(-60), Clock.systemUTC())
            .issue(UUID.fromString(member), LinkTokens.Purpose.UNSUBSCRIBE);
        String otherKey = new LinkTokens("another-key-0123456789-0123456789-abcdefgh", Duration.ofDays(1),
                Clock.systemUTC())
            .issue(UUID.fromString(member), LinkTokens.Purpose.UNSUBSCRIBE);
        String wrongPurpose = tokens.issue(UUID.fromString(member), LinkTokens.Purpose.PREFERENCES);

        for (String method : List.of("GET", "POST")) {
            for (String token : List.of(tampered, otherKey, wrongPurpose, "garbage", "a.b.c", "")) {
                HttpResponse<String> page = api.anonymous(method, api.base() + "/unsubscribe?token=" + encode(token),
                        (method.equals("POST")) ? "List-Unsubscribe=One-Click" : null,
                        "application/x-www-form-urlencoded");
                assertThat(page.statusCode()).as(method + " " + token).isEqualTo(400);
                assertThat(page.body()).contains("This link does not work");
            }
            HttpResponse<String> none = api.anonymous(method, api.base() + "/unsubscribe", null, null);
            assertThat(none.statusCode()).isEqualTo(400);
            assertThat(none.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
        }
        assertThat(api.anonymous("GET", api.base() + "/preferences?token=" + encode(good), null, null).statusCode())
            .as("an unsubscribe token does not open the preferences")
            .isEqualTo(400);
        assertThat(subscriptions(api, member)).as("nothing changed").isEqualTo(1);
        String expiredPreferences = new LinkTokens(LINK_KEY, Duration.ofSeconds(-60), Clock.systemUTC())
            .issue(UUID.fromString(member), LinkTokens.Purpose.PREFERENCES);
        HttpResponse<String> old = api.anonymous("GET", api.base() + "/preferences?token=" + encode(expiredPreferences),
                null, null);
        assertThat(old.statusCode()).as("an expired preferences link").isEqualTo(410);
        assertThat(old.body()).contains("This link has expired");
        HttpResponse<String> late = api.anonymous("POST", api.base() + "/unsubscribe?token=" + encode(expired),
                "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
        assertThat(late.statusCode()).as("an expired but authentic unsubscribe link still unsubscribes").isEqualTo(200);
        assertThat(subscriptions(api, member)).isZero();
    }

    @Test
    void changesTagsAndFrequencyOnThePreferencesPageAndLeaves(TestApi api, TestMembers members, TaggedTopic topic)
            throws Exception {
        Subscriber subscriber = members.subscriber("prefs", "immediate");
        topic.publish(Announcements.taggedWith(subscriber.tag(), 1));
        String text = (String) ((MimeMultipart) smtp.awaitMessages(subscriber.address(), 1).get(0).getContent())
            .getBodyPart(0)
            .getContent();
        Matcher link = PREFERENCES.matcher(text);
        assertThat(link.find()).isTrue();
        String url = local(api, link.group());
        String token = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);

        HttpResponse<String> page = api.anonymous("GET", url, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"" + subscriber.tag() + "\"").contains(subscriber.address());

        HttpResponse<String> invalid = api.anonymous("POST", api.base() + "/preferences",
                "token=" + encode(token) + "&tags=" + encode("bad tag!") + "&frequency=daily",
                "application/x-www-form-urlencoded");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("nothing was saved");

        HttpResponse<String> saved = api.anonymous("POST", api.base() + "/preferences",
                "token=" + encode(token) + "&tags=" + encode("Critical-Minerals, mining")
                        + "&frequency=weekly&match=any"
                        + "&minRelevance=1&tags=&frequency=immediate&match=any&minRelevance=0",
                "application/x-www-form-urlencoded");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Your choices are saved");
        JsonNode subscriptions = TestApi.json(api.get("/api/v1/members/" + subscriber.id())).get("subscriptions");
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).get("tags").toString()).isEqualTo("[\"critical-minerals\",\"mining\"]");
        assertThat(subscriptions.get(0).get("frequency").asString()).isEqualTo("weekly");
        assertThat(subscriptions.get(0).get("minRelevance").asInt()).isEqualTo(1);

        HttpResponse<String> left = api.anonymous("POST", api.base() + "/preferences/leave", "token=" + encode(token),
                "application/x-www-form-urlencoded");
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.body()).contains("You have left Herald");
        assertThat(api.get("/api/v1/members/" + subscriber.id()).statusCode()).isEqualTo(404);
        assertThat(api.anonymous("GET", url, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void sendsOneEmailAtOnceWhenAnImmediateSubscriptionIsAmongTheMatches(TestApi api, TestMembers members,
            TaggedTopic topic) throws Exception {
        Subscriber subscriber = members.subscriber("several", "daily", "immediate", "weekly");
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(subscriber.tag(), 1));

        smtp.awaitMessages(subscriber.address(), 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries = TestApi.json(api.get("/api/v1/deliveries?announcementId=" + announcement.id()));
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).get("status").asString()).isEqualTo("sent");
        });
        assertThat(smtp.messagesTo(subscriber.address())).hasSize(1);
    }

    private static int subscriptions(TestApi api, String member) {
        return TestApi.json(api.get("/api/v1/members/" + member)).get("subscriptions").size();
    }

    private static String local(TestApi api, String url) {
        return url.replace("https://herald.test", api.base());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);

    }

}
