package org.herald.notifier.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.notifier.Announcements;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailComposerTests {

    private final EmailComposer composer = new EmailComposer(EmailComposer.templateEngine(),
            "Herald <herald@example.org>", "herald.example.org");

    private final MemberLinks.Links links = new MemberLinks.Links("https://herald.example.org/unsubscribe?token=u",
            "https://herald.example.org/preferences?token=p");

    private final UUID memberId = UUID.fromString("6f1c2b1e-0000-4000-8000-000000000001");

    @Test
    void writesTitleSummaryLinkAndEvidenceInBothParts() {
        AnnouncementTagged mou = Announcements.criticalMineralsMou();
        ComposedEmail email = this.composer.compose(mou, new EmailRecipient(this.memberId, "ada@example.org", "Ada"),
                List.of("critical-minerals"), this.links);

        assertThat(email.subject()).isEqualTo("UK and US sign Memorandum of Understanding on critical minerals");
        assertThat(email.from()).isEqualTo("Herald <herald@example.org>");
        assertThat(email.to()).isEqualTo("ada@example.org");
        assertThat(email.messageId()).isEqualTo("<" + mou.id() + "." + this.memberId + "@herald.example.org>");
        for (String part : List.of(email.text(), email.html())) {
            assertThat(part).contains("UK and US sign Memorandum of Understanding on critical minerals")
                .contains("Securing critical mineral supply chains")
                .contains(Announcements.MOU_URL)
                .contains("Why you got this")
                .contains("critical-minerals")
                .contains("critical minerals")
                .contains("mineral supply chains")
                .contains("Department for Business and Trade")
                .contains("4 February 2026");
            assertThat(part).as("only the matching tags are reasons").doesNotContain("memorandum of understanding");
        }
        assertThat(email.html()).contains("<a href=\"" + Announcements.MOU_URL + "\"");
        assertThat(email.text()).doesNotContain("<");
    }

    @Test
    void statesTheChainOfAnImpliedTagInBothParts() {
        AnnouncementTagged mou = impliedAluminium("Aluminium is on the UK Critical Minerals List");
        ComposedEmail email = this.composer.compose(mou, new EmailRecipient(this.memberId, "ada@example.org", "Ada"),
                List.of("aluminium"), this.links);

        String chain = "aluminium — implied by critical-minerals (matched \"critical minerals\" in the title; "
                + "\"mineral supply chains\" in the summary): Aluminium is on the UK Critical Minerals List";
        assertThat(email.text()).contains("* " + chain);
        assertThat(email.html()).contains("<strong>aluminium</strong><span>"
                + chain.substring("aluminium".length()).replace("\"", "&quot;") + "</span>");
        for (String part : List.of(email.text(), email.html())) {
            assertThat(part).as("only the matching tag is a reason, though its chain names the other")
                .doesNotContain("critical-minerals:");
        }
    }

    @Test
    void escapesTheReasonOfAnImpliedTagInTheHtml() {
        AnnouncementTagged mou = impliedAluminium("<script>alert('r')</script>");
        ComposedEmail email = this.composer.compose(mou, new EmailRecipient(this.memberId, "ada@example.org", null),
                List.of("aluminium"), this.links);

        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt;");
        assertThat(email.text()).contains(": <script>alert('r')</script>");
    }

    @Test
    void saysASimilarityInPlainWords() {
        AnnouncementTagged announcement = new AnnouncementTagged(UUID.randomUUID(), "test", null,
                "https://www.gov.uk/furnaces", "Hydrogen-ready furnaces", "Glass factories switch fuel.", null, null,
                null, null, Instant.now(),
                List.of(new TagMatch("decarbonisation-carbon-pricing", 0.9,
                        List.of(new Evidence(Evidence.Kind.SIMILARITY, "fuel switching", "summary", 0.71234,
                                "Glass factories switch fuel.", "Industrial fuel switching to hydrogen"),
                                new Evidence("furnaces", "title", 1.0)))),
                2, "v", Instant.now());
        ComposedEmail email = this.composer.compose(announcement,
                new EmailRecipient(this.memberId, "a@example.org", null), List.of("decarbonisation-carbon-pricing"),
                this.links);

        assertThat(email.text()).contains("* decarbonisation-carbon-pricing: resembles: Industrial fuel switching to "
                + "hydrogen (similarity 0.71) — \"Glass factories switch fuel.\"; \"furnaces\" in the title");
        assertThat(email.html()).contains("resembles: Industrial fuel switching to hydrogen (similarity 0.71) — "
                + "&quot;Glass factories switch fuel.&quot;");
    }

    @Test
    void escapesEveryAnnouncementValueInTheHtml() {
        AnnouncementTagged hostile = announcement("<script>alert('t')</script> & co",
                "<img src=\"https://evil.example/x.png\">", "https://www.gov.uk/a?b=1&c=2", "<b>term</b>");
        ComposedEmail email = this.composer.compose(hostile, new EmailRecipient(this.memberId, "a@example.org", null),
                List.of("critical-minerals"), this.links);

        assertThat(email.html()).doesNotContain("<script>")
            .doesNotContain("<img")
            .doesNotContain("<b>term</b>")
            .contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; co")
            .contains("&lt;img src=&quot;https://evil.example/x.png&quot;&gt;")
            .contains("&lt;b&gt;term&lt;/b&gt;")
            .contains("href=\"https://www.gov.uk/a?b=1&amp;c=2\"");
        assertThat(email.text()).contains("<script>alert('t')</script> & co");
    }

    @Test
    void doesNotLinkAUrlThatIsNotValid() {
        AnnouncementTagged broken = announcement("Title", "Summary", "https://www.gov.uk/a?c=\"2\"><script>", "t");
        ComposedEmail email = this.composer.compose(broken, new EmailRecipient(this.memberId, "a@example.org", null),
                List.of("critical-minerals"), this.links);
        assertThat(email.html()).doesNotContain("<script>").doesNotContain("gov.uk/a");
        assertThat(links(email.html())).as("only the footer's links").isEqualTo(2);
    }

    @Test
    void linksOnlyToHttpUrls() {
        AnnouncementTagged sneaky = announcement("Title", "Summary", "javascript:alert(1)", "term");
        ComposedEmail email = this.composer.compose(sneaky, new EmailRecipient(this.memberId, "a@example.org", null),
                List.of("critical-minerals"), this.links);
        assertThat(email.html()).doesNotContain("javascript:");
        assertThat(links(email.html())).as("only the footer's links").isEqualTo(2);
        assertThat(email.text()).doesNotContain("javascript:");
    }

    @Test
    void keepsTheSubjectOnOneLineWhateverTheTitleHolds() {
        assertThat(EmailComposer.subject("Line one\r\nBcc: victim@example.org"))
            .isEqualTo("Line one Bcc: victim@example.org");
        assertThat(EmailComposer.subject("a\rb\nc\u2028d\u0000e\tf")).isEqualTo("a b c d e f");
        assertThat(EmailComposer.subject(" \r\n ")).isEqualTo("A new announcement");
        assertThat(EmailComposer.subject("x".repeat(500))).hasSize(200);
        AnnouncementTagged injected = announcement("Title\r\nBcc: victim@example.org", "s", "https://www.gov.uk/x",
                "t");
        ComposedEmail email = this.composer.compose(injected, new EmailRecipient(this.memberId, "a@example.org", null),
                List.of("critical-minerals"), this.links);
        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void toStringLeavesTheBodiesOut() {
        ComposedEmail email = this.composer.compose(Announcements.criticalMineralsMou(),
                new EmailRecipient(this.memberId, "a@example.org", null), List.of("critical-minerals"), this.links);
        assertThat(email.toString()).doesNotContain("Securing critical mineral supply chains");
    }

    @Test
    void linksToPreferencesAndUnsubscribeInBothParts() {
        ComposedEmail email = this.composer.compose(Announcements.criticalMineralsMou(),
                new EmailRecipient(this.memberId, "a@example.org", null), List.of("critical-minerals"), this.links);
        assertThat(email.unsubscribeUrl()).isEqualTo("https://herald.example.org/unsubscribe?token=u");
        for (String part : List.of(email.text(), email.html())) {
            assertThat(part).contains("https://herald.example.org/unsubscribe?token=u")
                .contains("https://herald.example.org/preferences?token=p");
        }
    }

    @Test
    void writesADigestMostRelevantFirstWithACountAndTheDateAsSubject() {
        AnnouncementTagged low = announcement("Low relevance <news>", "Low summary", "https://www.gov.uk/low",
                "low term", 1, 2.0);
        AnnouncementTagged high = announcement("High relevance", "High summary", "https://www.gov.uk/high", "high term",
                3, 1.0);
        AnnouncementTagged middle = announcement("Middle relevance", "Middle summary", "https://www.gov.uk/middle",
                "mid", 1, 6.0);
        UUID digestId = UUID.fromString("0d1e2f00-0000-4000-8000-000000000009");
        ComposedEmail email = this.composer.composeDigest(digestId, org.herald.notifier.member.Frequency.DAILY,
                Instant.parse("2026-02-05T08:30:00Z"), new EmailRecipient(this.memberId, "a@example.org", null),
                List.of(new DigestEntry(low, List.of("critical-minerals")),
                        new DigestEntry(high, List.of("critical-minerals")),
                        new DigestEntry(middle, List.of("critical-minerals"))),
                this.links);

        assertThat(email.subject()).isEqualTo("3 announcements for you: your daily digest, 5 February 2026");
        assertThat(email.messageId()).isEqualTo("<digest-" + digestId + "." + this.memberId + "@herald.example.org>");
        for (String part : List.of(email.text(), email.html())) {
            assertThat(part.indexOf("High relevance")).isLessThan(part.indexOf("Middle relevance"));
            assertThat(part.indexOf("Middle relevance")).isLessThan(part.indexOf("Low relevance"));
            assertThat(part).contains("high term")
                .contains("https://www.gov.uk/high")
                .contains("https://herald.example.org/unsubscribe?token=u");
        }
        assertThat(email.html()).contains("Low relevance &lt;news&gt;").doesNotContain("<news>");
        assertThat(email.text()).contains("Low relevance <news>");
    }

    /** The MoU tagged critical-minerals, and aluminium by implication. */
    private static AnnouncementTagged impliedAluminium(String reason) {
        AnnouncementTagged mou = Announcements.criticalMineralsMou();
        TagMatch criticalMinerals = mou.tags().get(0);
        List<Evidence> chain = new java.util.ArrayList<>(criticalMinerals.evidence());
        chain.add(new Evidence(Evidence.Kind.IMPLIED, "critical-minerals", "tag", 0.8, reason, null));
        return new AnnouncementTagged(mou.id(), mou.source(), mou.externalId(), mou.url(), mou.title(), mou.summary(),
                mou.body(), mou.publishedAt(), mou.organisation(), mou.documentType(), mou.receivedAt(),
                List.of(criticalMinerals, new TagMatch("aluminium", 6.0, chain, true)), mou.relevance(),
                mou.taxonomyVersion(), mou.taggedAt());
    }

    private static int links(String html) {
        return html.split("<a ", -1).length - 1;
    }

    private static AnnouncementTagged announcement(String title, String summary, String url, String term, int relevance,
            double score) {
        return new AnnouncementTagged(UUID.randomUUID(), "test", null, url, title, summary, null, null, "Dept", null,
                Instant.now(),
                List.of(new TagMatch("critical-minerals", score, List.of(new Evidence(term, "title", score)))),
                relevance, "v", Instant.now());
    }

    private static AnnouncementTagged announcement(String title, String summary, String url, String term) {
        return new AnnouncementTagged(UUID.randomUUID(), "test", null, url, title, summary, null, null, "<i>Dept</i>",
                null, Instant.now(),
                List.of(new TagMatch("critical-minerals", 3, List.of(new Evidence(term, "title", 3)))), 2, "v",
                Instant.now());
    }

}
