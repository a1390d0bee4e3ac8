package org.herald.notifier.email;

import java.util.List;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.Announcements;
import org.herald.notifier.delivery.EventKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommentaryMarkdownTests {

    private static final String HOSTILE = """
            **Aluminium** is on the UK Critical Minerals List.

            <script>alert('x')</script>

            [Click here](javascript:alert('x')), [or here](data:text/html;base64,PHNjcmlwdD4=),
            or [read our briefing](https://alfed.org.uk/briefing) ![a tracker](https://evil.example/p.gif)
            """;

    @Test
    void rendersRawHtmlAsTextAndKeepsOnlySafeLinks() {
        String html = CommentaryMarkdown.html(HOSTILE);

        assertThat(html).contains("<strong>Aluminium</strong>")
            .doesNotContain("<script>")
            .contains("&lt;script&gt;alert('x')&lt;/script&gt;")
            .doesNotContainIgnoringCase("javascript:")
            .doesNotContain("data:text")
            .doesNotContain("<img")
            .contains("Click here")
            .contains("or here")
            .contains("href=\"https://alfed.org.uk/briefing\">read our briefing</a>")
            .contains("a tracker");
        assertThat(html.split("<a ", -1)).as("one link only").hasSize(2);
    }

    @Test
    void writesReadablePlainText() {
        String text = CommentaryMarkdown.text(HOSTILE);

        assertThat(text).contains("Aluminium is on the UK Critical Minerals List.")
            .doesNotContain("**")
            .contains("Click here")
            .contains("read our briefing")
            .doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void putsTheCommentaryInItsOwnSignedSectionOfTheEmail() {
        EmailComposer composer = new EmailComposer(EmailComposer.templateEngine(), "Herald <herald@example.org>",
                "herald.example.org", "The Aluminium Federation");
        AnnouncementTagged mou = Announcements.criticalMineralsMou();
        ComposedEmail email = composer.compose(mou, new EmailEvent(EventKind.PUBLISHED, 0, HOSTILE),
                new EmailRecipient(UUID.randomUUID(), "ada@example.org", "Ada"), List.of("critical-minerals"),
                new MemberLinks.Links("https://h.example/u", "https://h.example/p"));

        for (String part : List.of(email.text(), email.html())) {
            assertThat(part).contains("What this means for members")
                .contains("— The Aluminium Federation")
                .doesNotContainIgnoringCase("javascript:");
            assertThat(part.indexOf("What this means for members")).as("after the government's text")
                .isGreaterThan(part.indexOf("Securing critical mineral supply chains"));
        }
        assertThat(email.html()).doesNotContain("<script>")
            .contains("&lt;script&gt;")
            .contains("border-left:4px solid #1d70b8");
        assertThat(email.text()).doesNotContain("<strong>");
    }

    @Test
    void headsAnUpdateWithWhatChanged() {
        EmailComposer composer = new EmailComposer(EmailComposer.templateEngine(), "Herald <herald@example.org>",
                "herald.example.org");
        AnnouncementTagged update = Announcements.update(Announcements.criticalMineralsMou(), 2,
                org.herald.events.UpdateType.MAJOR, null, "New summary");
        UUID member = UUID.randomUUID();
        ComposedEmail email = composer.compose(update, new EmailEvent(EventKind.UPDATED, 2, null),
                new EmailRecipient(member, "ada@example.org", "Ada"), List.of("critical-minerals"),
                new MemberLinks.Links("https://h.example/u", "https://h.example/p"));

        assertThat(email.subject())
            .isEqualTo("Updated: UK and US sign Memorandum of Understanding on critical minerals");
        assertThat(email.text()).startsWith("Updated: This page has been updated");
        assertThat(email.html()).contains("<strong>Updated:</strong> <span>This page has been updated</span>");
        assertThat(email.messageId()).isEqualTo("<" + update.id() + ".updated-2." + member + "@herald.example.org>");
        assertThat(email.html()).doesNotContain("What this means for members");
    }

}
