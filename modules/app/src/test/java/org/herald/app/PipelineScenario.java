package org.herald.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.standardwebhooks.Webhook;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline's story, end to end, whatever runs the broker and the database: the UK–US
 * critical minerals MoU, as GOV.UK published it (it never says "aluminium"), is posted to
 * the publisher, tagged, emailed to the members whose subscriptions match — one of them
 * subscribed only to aluminium, which critical-minerals implies, and told so — and sent,
 * signed, to the matching partner; a member who turned implied tags off gets nothing;
 * posting the same page again sends nothing more.
 */
final class PipelineScenario {

    static final String MOU_URL = "https://www.gov.uk/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals";

    /** The MoU as the README posts it: GOV.UK's title and summary. */
    static final String MOU = """
            {"source":"test-cms","externalId":"mou-2026","url":"%s",
             "title":"UK and US sign Memorandum of Understanding on critical minerals",
             "summary":"The UK and US have signed a Memorandum of Understanding to secure critical mineral supply chains: responsible sourcing and processing, investment in mining, processing and recycling capacity, and sharing policy and regulatory practice. A Mining, Minerals and Metals Investment Ministerial will follow within six months.",
             "publishedAt":"2026-02-04T10:00:00Z","organisation":"Department for Business and Trade","documentType":"press_release"}
            """
        .formatted(MOU_URL);

    /** How the email to a member of aluminium alone says why. */
    /**
     * How the email states the implied tag's chain: the implying tag's evidence (its
     * terms, then what the learned signal found it resembles), then the reason.
     */
    static final String CHAIN_START = "* aluminium — implied by critical-minerals (matched \"critical minerals\" in the title; ";

    static final String CHAIN_END = "): Aluminium is on the UK Critical Minerals List";

    static final String MOU_TITLE = "UK and US sign Memorandum of Understanding on critical minerals";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Pipeline pipeline;

    private final GreenMailOperations mail;

    private final MockWebServer partnerEndpoint;

    PipelineScenario(Pipeline pipeline, GreenMailOperations mail, MockWebServer partnerEndpoint) {
        this.pipeline = pipeline;
        this.mail = mail;
        this.partnerEndpoint = partnerEndpoint;
    }

    void deliversTheMouOnceByEmailAndSignedWebhook() throws Exception {
        this.partnerEndpoint.enqueue(new MockResponse.Builder().code(204).build());
        createMember("buyer@alumina.example", """
                [{"tags":["critical-minerals","aluminium"],"match":"any","minRelevance":1,"frequency":"immediate"}]""");
        createMember("packaging@cans.example", """
                [{"tags":["packaging"],"match":"any","minRelevance":1}]""");
        createMember("smelter@aluminium.example", """
                [{"tags":["aluminium"],"match":"any","minRelevance":1}]""");
        createMember("direct-only@aluminium.example", """
                [{"tags":["aluminium"],"match":"any","minRelevance":1,"includeImplied":false}]""");
        String secret = createPartner(this.partnerEndpoint.url("/hooks/herald").toString());
        assertThat(MOU).doesNotContainIgnoringCase("alumin");

        Pipeline.Response accepted = this.pipeline.publish(MOU);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().get("duplicate").asBoolean()).isFalse();
        String id = accepted.json().get("id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> emailsAbout(MOU_TITLE).size() == 2);
        assertThat(emailsAbout(MOU_TITLE)).extracting(PipelineScenario::recipient)
            .containsExactlyInAnyOrder("buyer@alumina.example", "smelter@aluminium.example");
        MimeMessage email = emailTo("buyer@alumina.example");
        assertThat(email.getSubject()).isEqualTo(MOU_TITLE);
        assertThat(email.getContentType()).startsWith("multipart/alternative");
        List<String> parts = partTypes((MimeMultipart) email.getContent());
        assertThat(parts).anyMatch((type) -> type.startsWith("text/plain"))
            .anyMatch((type) -> type.startsWith("text/html"));
        assertThat(text((MimeMultipart) email.getContent())).contains(MOU_URL).containsIgnoringCase("critical");
        String smelter = text((MimeMultipart) emailTo("smelter@aluminium.example").getContent());
        assertThat(smelter).as("the chain, in the text part")
            .containsPattern(Pattern.quote(CHAIN_START) + "[^\n]*resembles: [^\n]*" + Pattern.quote(CHAIN_END));
        assertThat(smelter).as("and in the HTML part")
            .contains(CHAIN_START.substring("* aluminium".length()).replace("\"", "&quot;"))
            .contains(CHAIN_END);

        RecordedRequest webhook = this.partnerEndpoint.takeRequest(30, TimeUnit.SECONDS);
        assertThat(webhook).as("webhook received").isNotNull();
        String body = webhook.getBody().utf8();
        new Webhook(secret).verify(body, webhook.getHeaders().toMultimap());
        assertThat(webhook.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode payload = JSON.readTree(body);
        assertThat(payload.get("type").asString()).isEqualTo("announcement.published");
        JsonNode data = payload.get("data");
        assertThat(data.get("id").asString()).isEqualTo(id);
        assertThat(data.get("relevance").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(data.get("relevance").asInt()).as("from the direct tags, not aluminium's 3").isEqualTo(2);
        List<String> tags = new ArrayList<>();
        List<String> implied = new ArrayList<>();
        data.get("tags").forEach((tag) -> {
            tags.add(tag.get("tag").asString());
            if (tag.get("implied").asBoolean()) {
                implied.add(tag.get("tag").asString());
            }
        });
        assertThat(tags).contains("critical-minerals");
        assertThat(implied).containsExactly("aluminium");
        assertThat(data.get("tags").get(0).get("evidence")).isNotEmpty();

        Pipeline.Response again = this.pipeline.publish(MOU);
        assertThat(again.status()).isBetween(200, 202);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        String sameFromElsewhere = MOU.replace("\"test-cms\"", "\"gov-uk-atom\"")
            .replace("https://www.gov.uk/", "http://WWW.GOV.UK/")
            .replace("critical-minerals\"", "critical-minerals/?utm_source=feed\"");
        Pipeline.Response elsewhere = this.pipeline.publish(sameFromElsewhere);
        assertThat(elsewhere.json().get("duplicate").asBoolean()).isTrue();
        assertThat(elsewhere.json().get("id").asString()).isEqualTo(id);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries = this.pipeline.notifier("GET", "/api/v1/deliveries?announcementId=" + id, null).json();
            assertThat(deliveries).as("two emails and a webhook: nothing for the member without implied tags")
                .extracting((delivery) -> delivery.get("recipient").asString())
                .containsExactlyInAnyOrder("buyer@alumina.example", "smelter@aluminium.example",
                        this.partnerEndpoint.url("/hooks/herald").toString());
            deliveries
                .forEach((delivery) -> assertThat(delivery.get("status").asString()).isEqualToIgnoringCase("sent"));
        });
        await().during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(10))
            .until(() -> emailsAbout(MOU_TITLE).size() == 2 && this.partnerEndpoint.getRequestCount() == 1);

        postsAMajorUpdateThatIsEmailedAsAnUpdate(id);
    }

    /**
     * The same page posted again by the same source with other content and
     * {@code "updateType":"major"} is revision 1: the members are emailed "Updated:" with
     * the change note, the partner gets {@code announcement.updated}.
     */
    private void postsAMajorUpdateThatIsEmailedAsAnUpdate(String id) throws Exception {
        this.partnerEndpoint.enqueue(new MockResponse.Builder().code(204).build());
        String update = MOU.replace("within six months.", "within six months. Annex B lists the minerals covered.")
            .replace("\"documentType\":\"press_release\"",
                    "\"documentType\":\"press_release\",\"updateType\":\"major\",\"changeNote\":\"Annex B added\"");
        Pipeline.Response accepted = this.pipeline.publish(update);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("revision").asInt()).isEqualTo(1);

        String updated = "Updated: " + MOU_TITLE;
        await().atMost(Duration.ofSeconds(30)).until(() -> emailsAbout(updated).size() == 2);
        assertThat(emailsAbout(updated)).extracting(PipelineScenario::recipient)
            .containsExactlyInAnyOrder("buyer@alumina.example", "smelter@aluminium.example");
        assertThat(text((MimeMultipart) emailsAbout(updated).get(0).getContent())).contains("Updated: Annex B added")
            .contains("Annex B lists the minerals covered.");
        RecordedRequest webhook = this.partnerEndpoint.takeRequest(30, TimeUnit.SECONDS);
        assertThat(webhook).as("the update's webhook").isNotNull();
        JsonNode payload = JSON.readTree(webhook.getBody().utf8());
        assertThat(payload.get("type").asString()).isEqualTo("announcement.updated");
        assertThat(payload.get("data").get("id").asString()).isEqualTo(id);
        assertThat(payload.get("data").get("changeNote").asString()).isEqualTo("Annex B added");
    }

    private List<MimeMessage> emailsAbout(String subject) throws Exception {
        List<MimeMessage> emails = new ArrayList<>();
        for (MimeMessage message : this.mail.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                emails.add(message);
            }
        }
        return emails;
    }

    private MimeMessage emailTo(String address) throws Exception {
        return emailsAbout(MOU_TITLE).stream()
            .filter((message) -> recipient(message).equals(address))
            .findFirst()
            .orElseThrow();
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void createMember(String email, String subscriptions) {
        Pipeline.Response created = this.pipeline.notifier("POST", "/api/v1/members", """
                {"email":"%s","name":"A member","organisation":"An aluminium business","subscriptions":%s}"""
            .formatted(email, subscriptions));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private String createPartner(String url) {
        Pipeline.Response created = this.pipeline.notifier("POST", "/api/v1/partners", """
                {"name":"Partner CRM","url":"%s","contactEmail":"ops@partner.example",
                 "tags":["critical-minerals"],"match":"any","minRelevance":0}""".formatted(url));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        return secret;
    }

    private static List<String> partTypes(MimeMultipart multipart) throws Exception {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            types.add(multipart.getBodyPart(i).getContentType());
        }
        return types;
    }

    private static String text(MimeMultipart multipart) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            text.append(part.getContent()).append('\n');
        }
        return text.toString();
    }

}
