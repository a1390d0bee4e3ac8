package org.herald.notifier.email;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
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
import org.unbescape.html.HtmlEscape;

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

    private final Slots slots = new Slots();

    private final RenderedCache rendered = new RenderedCache();

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
        Rendered rendered = this.rendered.get(announcement, event, matchedTags);
        String followLink = event.followLink();
        String text = rendered.text.fill(links, followLink, false).strip() + "\n";
        String html = rendered.html.fill(links, followLink, true);
        return new ComposedEmail(this.from, recipient.address(), recipient.name(), rendered.subject, text, html,
                messageId(announcement, event, recipient), links.unsubscribe());
    }

    /**
     * The email
     * {@link #compose(AnnouncementTagged, EmailEvent, EmailRecipient, List, MemberLinks.Links)}
     * writes, as the bytes of its MIME message: the headers and body shared by every
     * member encoded once a fan-out, only this member's headers and links now.
     */
    EncodedEmail encode(AnnouncementTagged announcement, EmailEvent event, EmailRecipient recipient,
            List<String> matchedTags, MemberLinks.Links links) throws MessagingException, UnsupportedEncodingException {
        Rendered rendered = this.rendered.get(announcement, event, matchedTags);
        if (rendered.template == null) {
            throw Objects.requireNonNull(rendered.problem);
        }
        String[] values = new String[3];
        values[MessageTemplate.UNSUBSCRIBE] = links.unsubscribe();
        values[MessageTemplate.PREFERENCES] = links.preferences();
        values[MessageTemplate.FOLLOW] = event.followLink();
        return rendered.template.write(recipient.address(), recipient.name(), messageId(announcement, event, recipient),
                links.unsubscribe(), values);
    }

    /**
     * The email as
     * {@link #compose(AnnouncementTagged, EmailEvent, EmailRecipient, List, MemberLinks.Links)}
     * writes it, rendered by the templates for this member alone: what the cached
     * rendering must equal, kept for the tests that check it does.
     */
    ComposedEmail composeUncached(AnnouncementTagged announcement, EmailEvent event, EmailRecipient recipient,
            List<String> matchedTags, MemberLinks.Links links) {
        String subject = subject(announcement, event);
        Context context = context(announcement, event, matchedTags, subject, links, event.followLink());
        String text = this.templates.process("email/announcement.txt", context).strip() + "\n";
        String html = this.templates.process("email/announcement.html", context);
        return new ComposedEmail(this.from, recipient.address(), recipient.name(), subject, text, html,
                messageId(announcement, event, recipient), links.unsubscribe());
    }

    /**
     * The part of an announcement's email that is the same for every member it goes to,
     * rendered once: the templates with a slot for each member's links.
     */
    private Rendered render(AnnouncementTagged announcement, EmailEvent event, List<String> matchedTags) {
        String subject = subject(announcement, event);
        Context context = context(announcement, event, matchedTags, subject,
                new MemberLinks.Links(this.slots.unsubscribe, this.slots.preferences),
                event.followLink().isEmpty() ? "" : this.slots.follow);
        Slotted text = this.slots.split(this.templates.process("email/announcement.txt", context));
        Slotted html = this.slots.split(this.templates.process("email/announcement.html", context));
        try {
            return new Rendered(subject, text, html, new MessageTemplate(this.from, subject, text.stripped().pieces(),
                    text.slots(), html.pieces(), html.slots()), null);
        }
        catch (MessagingException ex) {
            return new Rendered(subject, text, html, null, ex);
        }
        catch (UnsupportedEncodingException ex) {
            return new Rendered(subject, text, html, null, new MessagingException(ex.getMessage(), ex));
        }
    }

    private static String subject(AnnouncementTagged announcement, EmailEvent event) {
        String subject = subject(announcement.title());
        if (event.kind() == EventKind.UPDATED) {
            subject = subject("Updated: " + subject);
        }
        else if (event.kind() == EventKind.COMMENTED) {
            subject = subject("What this means for members: " + subject);
        }
        return subject;
    }

    private Context context(AnnouncementTagged announcement, EmailEvent event, List<String> matchedTags, String subject,
            MemberLinks.Links links, String followLink) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("subject", subject);
        variables.put("announcement", announcement);
        variables.put("link", linkOrEmpty(announcement.url()));
        variables.put("published", published(announcement));
        variables.put("reasons", reasons(announcement, matchedTags));
        variables.put("links", links);
        variables.put("update", (event.kind() == EventKind.UPDATED) ? whatChanged(announcement) : "");
        variables.put("commentary", commentary(event.commentary()));
        variables.put("followsUp", event.followsUp());
        variables.put("followLink", followLink);
        Context context = new Context(Locale.UK);
        context.setVariables(variables);
        return context;
    }

    private String messageId(AnnouncementTagged announcement, EmailEvent event, EmailRecipient recipient) {
        String eventPart = (event.kind() == EventKind.PUBLISHED) ? ""
                : "." + event.kind().value() + "-" + event.revision();
        return "<" + announcement.id() + eventPart + "." + recipient.memberId() + "@" + this.messageIdDomain + ">";
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

    /**
     * An announcement's email rendered for no member in particular: the subject, and the
     * text and HTML with a slot for each member's links; as a MIME template, or why it
     * could not be one (a {@code From} that is no address).
     */
    private record Rendered(String subject, Slotted text, Slotted html, @Nullable MessageTemplate template,
            @Nullable MessagingException problem) {
    }

    /**
     * The renderings of the announcements being sent, the most recently used
     * {@value #SIZE} of them: one for each announcement as stored (its revision and
     * tagging), event, commentary, follow-ups and set of matching tags, so a fan-out
     * renders its templates once rather than once a member.
     */
    private final class RenderedCache {

        private static final int SIZE = 64;

        private final Map<RenderedKey, CompletableFuture<Rendered>> renderings = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<RenderedKey, CompletableFuture<Rendered>> eldest) {
                return size() > SIZE;
            }

        };

        /**
         * The rendering for the key, rendered by the first of the workers that ask for it
         * at once (a fan-out's workers all start together); the others wait for it.
         */
        Rendered get(AnnouncementTagged announcement, EmailEvent event, List<String> matchedTags) {
            RenderedKey key = new RenderedKey(announcement, event.kind(), event.revision(), event.commentary(),
                    event.followsUp(), List.copyOf(matchedTags), !event.followLink().isEmpty());
            CompletableFuture<Rendered> found;
            CompletableFuture<Rendered> mine = new CompletableFuture<>();
            synchronized (this.renderings) {
                found = this.renderings.putIfAbsent(key, mine);
            }
            if (found != null) {
                return found.join();
            }
            try {
                Rendered fresh = render(announcement, event, matchedTags);
                mine.complete(fresh);
                return fresh;
            }
            catch (RuntimeException | Error ex) {
                synchronized (this.renderings) {
                    this.renderings.remove(key, mine);
                }
                mine.completeExceptionally(ex);
                throw ex;
            }
        }

    }

    private record RenderedKey(AnnouncementTagged announcement, EventKind kind, int revision,
            @Nullable String commentary, List<EmailEvent.FollowedUp> followsUp, List<String> matchedTags,
            boolean followLink) {
    }

    /**
     * The stand-ins rendered in place of a member's links: letters and digits (nothing
     * any escaping changes) with a random part no announcement can know.
     */
    private static final class Slots {

        private final String nonce = "hrld" + Long.toHexString(new SecureRandom().nextLong() | Long.MIN_VALUE);

        private final String unsubscribe = this.nonce + "u";

        private final String preferences = this.nonce + "p";

        private final String follow = this.nonce + "f";

        Slotted split(String rendered) {
            List<String> pieces = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            int from = 0;
            int at;
            while ((at = rendered.indexOf(this.nonce, from)) >= 0) {
                int end = at + this.nonce.length();
                int slot = switch (rendered.charAt(end)) {
                    case 'u' -> Slotted.UNSUBSCRIBE;
                    case 'p' -> Slotted.PREFERENCES;
                    default -> Slotted.FOLLOW;
                };
                pieces.add(rendered.substring(from, at));
                slots.add(slot);
                from = end + 1;
            }
            pieces.add(rendered.substring(from));
            return new Slotted(pieces.toArray(new String[0]), slots.stream().mapToInt(Integer::intValue).toArray(),
                    rendered.length());
        }

    }

    /**
     * A rendering with slots: {@code pieces[i]}, then slot {@code slots[i]}, and so on,
     * the last piece after the last slot.
     */
    private record Slotted(String[] pieces, int[] slots, int length) {

        static final int UNSUBSCRIBE = MessageTemplate.UNSUBSCRIBE;

        static final int PREFERENCES = MessageTemplate.PREFERENCES;

        static final int FOLLOW = MessageTemplate.FOLLOW;

        /**
         * The text as {@code fill(...).strip() + "\n"} writes it, whatever the links
         * (none is empty or blank-edged): the first piece without its leading white
         * space, the last without its trailing, and a line break.
         */
        Slotted stripped() {
            String[] stripped = this.pieces.clone();
            int last = stripped.length - 1;
            stripped[0] = stripped[0].stripLeading();
            stripped[last] = stripped[last].stripTrailing() + "\n";
            return new Slotted(stripped, this.slots, this.length);
        }

        /**
         * The rendering with a member's links in its slots, escaped for HTML as the
         * templates escape an attribute's value ({@code th:href}) when {@code html}.
         */
        String fill(MemberLinks.Links links, String followLink, boolean html) {
            String[] values = { links.unsubscribe(), links.preferences(), followLink };
            if (html) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = HtmlEscape.escapeHtml4Xml(values[i]);
                }
            }
            StringBuilder filled = new StringBuilder(this.length + 3 * 200);
            for (int i = 0; i < this.slots.length; i++) {
                filled.append(this.pieces[i]).append(values[this.slots[i]]);
            }
            return filled.append(this.pieces[this.pieces.length - 1]).toString();
        }

    }

}
