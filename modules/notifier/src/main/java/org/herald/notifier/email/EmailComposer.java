package org.herald.notifier.email;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.herald.events.AnnouncementTagged;
import org.herald.events.EvidenceWords;
import org.herald.events.TagMatch;
import org.herald.notifier.delivery.EventKind;
import org.herald.notifier.member.Frequency;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the email that tells a member about one announcement: the title as subject, the
 * summary, a link to the source and "why you got this" — the matching tags with their
 * evidence in plain words, an implied tag with its chain ({@link EvidenceWords}) — as
 * plain text and HTML from the templates {@code templates/email/announcement.txt} and
 * {@code .html}. Every value from the announcement is escaped in the HTML; a link is only
 * made to an http(s) URL; the subject is one line whatever the title holds, so a title
 * cannot add a header.
 */
final class EmailComposer {

    private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

    private static final int MAX_SUBJECT_LENGTH = 200;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
        .withZone(ZoneId.of("Europe/London"));

    private final ITemplateEngine templates;

    private final String from;

    private final String messageIdDomain;

    private final String associationName;

    EmailComposer(ITemplateEngine templates, String from, String messageIdDomain) {
        this(templates, from, messageIdDomain, EmailProperties.DEFAULT_ASSOCIATION_NAME);
    }

    EmailComposer(ITemplateEngine templates, String from, String messageIdDomain, String associationName) {
        this.templates = templates;
        this.from = from;
        this.messageIdDomain = messageIdDomain;
        this.associationName = associationName;
    }

    /**
     * The template engine for the email templates: {@code .txt} in text mode,
     * {@code .html} in HTML mode.
     */
    static ITemplateEngine templateEngine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailComposer.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    ComposedEmail compose(AnnouncementTagged announcement, EmailRecipient recipient, List<String> matchedTags,
            MemberLinks.Links links) {
        return compose(announcement, new EmailEvent(EventKind.PUBLISHED, 0, announcement.commentary()), recipient,
                matchedTags, links);
    }

    /**
     * The email of one event about an announcement: as published; an update, headed
     * "Updated:" with what changed; or the association's new commentary.
     */
    ComposedEmail compose(AnnouncementTagged announcement, EmailEvent event, EmailRecipient recipient,
            List<String> matchedTags, MemberLinks.Links links) {
        String subject = subject(announcement.title());
        if (event.kind() == EventKind.UPDATED) {
            subject = subject("Updated: " + subject);
        }
        else if (event.kind() == EventKind.COMMENTED) {
            subject = subject("What this means for members: " + subject);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("subject", subject);
        variables.put("announcement", announcement);
        variables.put("link", linkOrEmpty(announcement.url()));
        variables.put("published", published(announcement));
        variables.put("reasons", reasons(announcement, matchedTags));
        variables.put("name", (recipient.name() != null) ? recipient.name() : "");
        variables.put("links", links);
        variables.put("update", (event.kind() == EventKind.UPDATED) ? whatChanged(announcement) : "");
        variables.put("commentary", commentary(event.commentary()));
        variables.put("followsUp", event.followsUp());
        variables.put("followLink", event.followLink());
        Context context = new Context(Locale.UK);
        context.setVariables(variables);
        String text = this.templates.process("email/announcement.txt", context).strip() + "\n";
        String html = this.templates.process("email/announcement.html", context);
        String eventPart = (event.kind() == EventKind.PUBLISHED) ? ""
                : "." + event.kind().value() + "-" + event.revision();
        String messageId = "<" + announcement.id() + eventPart + "." + recipient.memberId() + "@" + this.messageIdDomain
                + ">";
        return new ComposedEmail(this.from, recipient.address(), recipient.name(), subject, text, html, messageId,
                links.unsubscribe());
    }

    /**
     * A digest: every entry, most relevant first (the announcement's relevance, then the
     * score of its best matching tag, then the latest published); the subject a count and
     * the date the period ends.
     */
    ComposedEmail composeDigest(UUID digestId, Frequency frequency, Instant periodEnd, EmailRecipient recipient,
            List<DigestEntry> entries, MemberLinks.Links links) {
        List<DigestItemView> items = entries.stream()
            .sorted(MOST_RELEVANT_FIRST)
            .map((entry) -> new DigestItemView(entry.announcement(), linkOrEmpty(entry.announcement().url()),
                    published(entry.announcement()), reasons(entry.announcement(), entry.matchedTags()),
                    entry.updated() ? whatChanged(entry.announcement()) : "", commentary(entry.commentary())))
            .toList();
        String date = DATE.format(periodEnd);
        String subject = subject(items.size() + ((items.size() == 1) ? " announcement" : " announcements")
                + " for you: your " + frequency.value() + " digest, " + date);
        Context context = new Context(Locale.UK);
        context.setVariables(Map.of("subject", subject, "items", items, "frequency", frequency.value(), "date", date,
                "name", (recipient.name() != null) ? recipient.name() : "", "links", links));
        String text = this.templates.process("email/digest.txt", context).strip() + "\n";
        String html = this.templates.process("email/digest.html", context);
        String messageId = "<digest-" + digestId + "." + recipient.memberId() + "@" + this.messageIdDomain + ">";
        return new ComposedEmail(this.from, recipient.address(), recipient.name(), subject, text, html, messageId,
                links.unsubscribe());
    }

    private static final Comparator<DigestEntry> MOST_RELEVANT_FIRST = Comparator
        .comparingInt((DigestEntry entry) -> entry.announcement().relevance())
        .thenComparingDouble(EmailComposer::bestScore)
        .thenComparing((entry) -> entry.announcement().publishedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
        .reversed();

    private static double bestScore(DigestEntry entry) {
        return entry.announcement()
            .tags()
            .stream()
            .filter((tag) -> entry.matchedTags().contains(tag.tag()))
            .mapToDouble(TagMatch::score)
            .max()
            .orElse(0);
    }

    /** What changed in an update: its change note, else that the page was updated. */
    static String whatChanged(AnnouncementTagged announcement) {
        String note = announcement.changeNote();
        return (note != null && !note.isBlank()) ? note.strip() : "This page has been updated";
    }

    private @Nullable CommentaryView commentary(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        return new CommentaryView(CommentaryMarkdown.html(markdown), CommentaryMarkdown.text(markdown),
                this.associationName);
    }

    private static String published(AnnouncementTagged announcement) {
        return (announcement.publishedAt() != null) ? DATE.format(announcement.publishedAt()) : "";
    }

    /** The title on one line: line breaks and other control characters become a space. */
    static String subject(String title) {
        String line = LINE_BREAKS_AND_CONTROLS.matcher(title).replaceAll(" ").strip().replaceAll(" {2,}", " ");
        if (line.isEmpty()) {
            return "A new announcement";
        }
        return (line.length() > MAX_SUBJECT_LENGTH) ? line.substring(0, MAX_SUBJECT_LENGTH - 1) + "…" : line;
    }

    /**
     * The URL if it is an absolute http(s) URL (never {@code javascript:} or the like),
     * else empty.
     */
    static String linkOrEmpty(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
            return ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) ? uri.toString() : "";
        }
        catch (IllegalArgumentException ex) {
            return "";
        }
    }

    private static List<Reason> reasons(AnnouncementTagged announcement, List<String> matchedTags) {
        return announcement.tags()
            .stream()
            .filter((tag) -> matchedTags.contains(tag.tag()))
            .map((tag) -> new Reason(tag.tag(), tag.implied(), EvidenceWords.explanation(tag.evidence())))
            .toList();
    }

    /**
     * One matching tag and, in plain words, the evidence for it.
     *
     * @param tag the tag
     * @param implied whether the announcement has it by implication (the explanation is
     * then the chain: the implying tag, what earned that one, and the reason)
     * @param explanation what in the announcement gave it, such as a term "in the title";
     * empty when the tag came without evidence
     */
    record Reason(String tag, boolean implied, String explanation) {

        /** What stands between the tag and the explanation. */
        public String separator() {
            return this.implied ? " — " : ": ";
        }

    }

    /**
     * One announcement in a digest, ready for the templates.
     *
     * @param announcement the announcement
     * @param link its URL if it may be linked, else empty
     * @param published its publication date, or empty
     * @param reasons the matching tags and their evidence
     * @param update what changed, when the digest tells of an update; else empty
     * @param commentary the association's commentary, or null
     */
    record DigestItemView(AnnouncementTagged announcement, String link, String published, List<Reason> reasons,
            String update, @Nullable CommentaryView commentary) {
    }

    /**
     * The association's commentary, ready for the templates.
     *
     * @param html the markdown as safe HTML (raw HTML escaped, unsafe links dropped)
     * @param text the markdown as plain text
     * @param signedBy the association's name
     */
    record CommentaryView(String html, String text, String signedBy) {
    }

}
