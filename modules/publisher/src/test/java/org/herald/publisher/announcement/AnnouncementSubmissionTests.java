package org.herald.publisher.announcement;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementPublished;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnnouncementSubmissionTests {

    private static final String URL = "https://www.gov.uk/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals";

    private static ValidatorFactory factory;

    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void acceptsTheMouAnnouncement() {
        assertThat(invalidFields(mou(URL))).isEmpty();
    }

    @Test
    void acceptsOnlyRequiredFields() {
        assertThat(
                invalidFields(new AnnouncementSubmission("api:test", null, URL, "Title", null, null, null, null, null)))
            .isEmpty();
    }

    @Test
    void requiresSourceUrlAndTitleEachOnce() {
        AnnouncementSubmission empty = new AnnouncementSubmission(null, null, null, " ", null, null, null, null, null);

        assertThat(invalidFields(empty)).containsExactly("source", "title", "url");
    }

    @Test
    void refusesUrlsWithoutAnId() {
        for (String url : List.of("ftp://www.gov.uk/x", "www.gov.uk/x", "https://", "http://exa mple.com/",
                "mailto:someone@example.com")) {
            assertThat(invalidFields(mou(url))).as(url).containsExactly("url");
        }
    }

    @Test
    void acceptsUrlsThatCanonicalise() {
        for (String url : List.of("http://WWW.GOV.UK/news/", "https://www.gov.uk:443/news?a=b#c",
                " https://www.gov.uk/news ")) {
            assertThat(invalidFields(mou(url))).as(url).isEmpty();
        }
    }

    @Test
    void limitsTheLengthOfEachField() {
        String tooLong = "x".repeat(AnnouncementSubmission.MAX_BODY + 1);
        AnnouncementSubmission submission = new AnnouncementSubmission(tooLong, tooLong,
                "https://www.gov.uk/" + tooLong, tooLong, tooLong, tooLong, null, tooLong, tooLong);

        assertThat(invalidFields(submission)).containsExactly("body", "documentType", "externalId", "organisation",
                "source", "summary", "title", "url");
    }

    @Test
    void refusesControlCharactersAndLineBreaksInOneLineFields() {
        AnnouncementSubmission submission = new AnnouncementSubmission("api:\u0000test", "4\n2", URL,
                "Critical minerals\r\nBcc: everyone@example.com", "Fine\n\tsummary", "Body\u0007", null,
                "Department\tfor Business", "press\u007f");

        assertThat(invalidFields(submission)).containsExactly("body", "documentType", "externalId", "organisation",
                "source", "title");
    }

    @Test
    void allowsLineBreaksAndTabsInSummaryAndBody() {
        AnnouncementSubmission submission = new AnnouncementSubmission("api:test", null, URL, "Title", "One\r\nTwo",
                "Para one.\n\n\tPara two.", null, null, null);

        assertThat(invalidFields(submission)).isEmpty();
    }

    @Test
    void becomesAnEventWithTheIdOfItsUrlAndTidiedText() {
        Instant receivedAt = Instant.parse("2026-02-04T10:00:00Z");
        AnnouncementSubmission submission = new AnnouncementSubmission(" api:test ", " ", " " + URL + "?ref=x ",
                " UK and US sign MoU ", "", "Body", Instant.parse("2026-02-04T09:30:00Z"), null, "\t");

        AnnouncementPublished event = submission.toEvent(receivedAt);

        assertThat(event.id()).isEqualTo(AnnouncementIds.idFor(URL));
        assertThat(event.source()).isEqualTo("api:test");
        assertThat(event.externalId()).isNull();
        assertThat(event.url()).isEqualTo(URL + "?ref=x");
        assertThat(event.title()).isEqualTo("UK and US sign MoU");
        assertThat(event.summary()).isNull();
        assertThat(event.body()).isEqualTo("Body");
        assertThat(event.publishedAt()).isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
        assertThat(event.organisation()).isNull();
        assertThat(event.documentType()).isNull();
        assertThat(event.receivedAt()).isEqualTo(receivedAt);
    }

    @Test
    void givesTheSamePageTheSameIdWhateverItsSource() {
        assertThat(mou("http://www.GOV.uk/government/news/x/").announcementId())
            .isEqualTo(mou("https://www.gov.uk/government/news/x?utm_source=feed").announcementId());
    }

    private static AnnouncementSubmission mou(String url) {
        return new AnnouncementSubmission("api:test", "42", url,
                "UK and US sign Memorandum of Understanding on critical minerals", "Securing supply chains",
                "Investment in mining, processing and recycling capacity", Instant.parse("2026-02-04T09:30:00Z"),
                "Department for Business and Trade", "press_release");
    }

    private static List<String> invalidFields(AnnouncementSubmission submission) {
        Set<ConstraintViolation<AnnouncementSubmission>> violations = validator.validate(submission);
        return violations.stream().map((violation) -> violation.getPropertyPath().toString()).sorted().toList();
    }

}
