package org.herald.notifier.email;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the email that tells a member about one announcement: the title as subject, the summary, a
 * link to the source and "why you got this" — the matching tags with their evidence — as plain text and
 * HTML from the templates {@code templates/email/announcement.txt} and {@code .html}. Every value from
 * the announcement is escaped in the HTML; a link is only made to an http(s) URL; the subject is one line
 * whatever the title holds, so a title cannot add a header.
 */
final class EmailComposer {

    private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

    private static final int MAX_SUBJECT_LENGTH = 200;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
        .withZone(ZoneId.of("Europe/London"));

    private final ITemplateEngine templates;

    private final String from;

    private final String messageIdDomain;

    EmailComposer(ITemplateEngine templates, String from, String messageIdDomain) {
        this.templates = templates;
        this.from = from;
        this.messageIdDomain = messageIdDomain;
    }

    /** The template engine for the email templates: {@code .txt} in text mode, {@code .html} in HTML mode. */
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

    ComposedEmail compose(AnnouncementTagged announcement, EmailRecipient recipient, List<String> matchedTags) {
        String subject = subject(announcement.title());
        Context context = new Context(Locale.UK);
        context.setVariables(Map.of("subject", subject, "announcement", announcement, "link",
                linkOrEmpty(announcement.url()), "published",
                (announcement.publishedAt() != null) ? DATE.format(announcement.publishedAt()) : "", "reasons",
                reasons(announcement, matchedTags), "name", (recipient.name() != null) ? recipient.name() : ""));
        String text = this.templates.process("email/announcement.txt", context).strip() + "\n";
        String html = this.templates.process("email/announcement.html", context);
        String messageId = "<" + announcement.id() + "." + recipient.memberId() + "@" + this.messageIdDomain + ">";
        return new ComposedEmail(this.from, recipient.address(), recipient.name(), subject, text, html, messageId);
    }

    /** The title on one line: line breaks and other control characters become a space. */
    static String subject(String title) {
        String line = LINE_BREAKS_AND_CONTROLS.matcher(title).replaceAll(" ").strip().replaceAll(" {2,}", " ");
        if (line.isEmpty()) {
            return "A new announcement";
        }
        return (line.length() > MAX_SUBJECT_LENGTH) ? line.substring(0, MAX_SUBJECT_LENGTH - 1) + "…" : line;
    }

    /** The URL if it is an absolute http(s) URL (never {@code javascript:} or the like), else empty. */
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
            .map((tag) -> new Reason(tag.tag(), tag.evidence()))
            .toList();
    }

    /**
     * One matching tag and the evidence for it.
     *
     * @param tag the tag
     * @param evidence what in the announcement gave it
     */
    record Reason(String tag, List<Evidence> evidence) {
    }

}
