package org.herald.notifier.preferences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.herald.notifier.email.LinkTokens;
import org.herald.notifier.email.LinkTokens.Purpose;
import org.herald.notifier.member.Frequency;
import org.herald.notifier.member.Member;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.Subscription;
import org.herald.notifier.member.TooManySubscriptionsException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind the links in emails. No login: the signed token in the link names the
 * member.
 * <ul>
 * <li>{@code POST /unsubscribe?token=} (RFC 8058 one-click, or the button) ends all the
 * member's subscriptions; the member stays, with none.</li>
 * <li>{@code GET /unsubscribe?token=} shows a page with that button and changes nothing
 * (mail scanners fetch links).</li>
 * <li>{@code GET /preferences?token=} shows the member's subscriptions to change;
 * {@code POST /preferences} saves them; {@code POST /preferences/leave} removes the
 * member altogether.</li>
 * </ul>
 * A tampered or unknown token gets a page saying so, with status 400; an expired
 * preferences token 410. An expired unsubscribe token that is authentic (ours, unaltered)
 * still unsubscribes: leaving must always work, however old the email.
 * <p>
 * Unsubscribing, saving fewer subscriptions and leaving each stop, in the same
 * transaction, what was queued for what the member left (see {@code Members}).
 */
@Controller
class PreferencesController {

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final LinkTokens tokens;

    private final Members members;

    private final Pages pages;

    PreferencesController(LinkTokens tokens, Members members, Pages pages) {
        this.tokens = tokens;
        this.members = members;
        this.pages = pages;
    }

    @GetMapping("/unsubscribe")
    ResponseEntity<String> confirmUnsubscribe(@RequestParam(required = false) String token) {
        return withMember(token, Purpose.UNSUBSCRIBE, (member) -> this.pages.render(HttpStatus.OK, "unsubscribe",
                Map.of("token", token, "email", member.email())));
    }

    @PostMapping("/unsubscribe")
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
        return withMember(token, Purpose.UNSUBSCRIBE, (member) -> {
            this.members.unsubscribeAll(member.id());
            return this.pages.render(HttpStatus.OK, "unsubscribed", Map.of("email", member.email()));
        });
    }

    @GetMapping("/preferences")
    ResponseEntity<String> preferences(@RequestParam(required = false) String token) {
        return withMember(token, Purpose.PREFERENCES, (member) -> form(HttpStatus.OK, token, member, rows(member), ""));
    }

    @PostMapping("/preferences")
    ResponseEntity<String> save(@RequestParam MultiValueMap<String, String> form) {
        String token = form.getFirst("token");
        return withMember(token, Purpose.PREFERENCES, (member) -> {
            List<Row> rows = new ArrayList<>();
            List<String> tags = form.getOrDefault("tags", List.of());
            for (int i = 0; i < tags.size(); i++) {
                rows.add(new Row(tags.get(i), value(form, "frequency", i, "immediate"), value(form, "match", i, "any"),
                        value(form, "minRelevance", i, "0"), value(form, "includeImplied", i, "true")));
            }
            List<Subscription> subscriptions = new ArrayList<>();
            try {
                rows.forEach((row) -> row.toSubscription().ifPresent(subscriptions::add));
            }
            catch (IllegalArgumentException ex) {
                return form(HttpStatus.BAD_REQUEST, token, member, rows,
                        "Tags are words of letters, digits and hyphens, separated by commas; nothing was saved.");
            }
            try {
                this.members.replaceSubscriptions(member.id(), subscriptions);
            }
            catch (TooManySubscriptionsException ex) {
                return form(HttpStatus.UNPROCESSABLE_CONTENT, token, member, rows,
                        "You may have at most " + ex.max() + " subscriptions; nothing was saved.");
            }
            Member saved = this.members.find(member.id()).orElse(member);
            return form(HttpStatus.OK, token, saved, rows(saved), "Your choices are saved.");
        });
    }

    @PostMapping("/preferences/leave")
    ResponseEntity<String> leave(@RequestParam(required = false) String token) {
        return withMember(token, Purpose.PREFERENCES, (member) -> {
            this.members.delete(member.id());
            return this.pages.render(HttpStatus.OK, "left", Map.of("email", member.email()));
        });
    }

    private ResponseEntity<String> form(HttpStatus status, String token, Member member, List<Row> rows,
            String message) {
        List<Row> withBlank = new ArrayList<>(rows);
        withBlank.add(new Row("", "immediate", "any", "0", "true"));
        return this.pages.render(status, "preferences",
                Map.of("token", token, "email", member.email(), "rows", withBlank, "message", message));
    }

    private static List<Row> rows(Member member) {
        return member.subscriptions()
            .stream()
            .map((subscription) -> new Row(String.join(", ", subscription.tags()), subscription.frequency().value(),
                    subscription.match(), Integer.toString(subscription.minRelevance()),
                    Boolean.toString(subscription.includeImplied())))
            .toList();
    }

    private static String value(MultiValueMap<String, String> form, String name, int index, String fallback) {
        List<String> values = form.get(name);
        return (values != null && index < values.size()) ? values.get(index) : fallback;
    }

    private ResponseEntity<String> withMember(String token, Purpose purpose,
            Function<Member, ResponseEntity<String>> action) {
        LinkTokens.Verified verified = this.tokens.verify(token, purpose);
        if (verified.expired() && purpose != Purpose.UNSUBSCRIBE) {
            return this.pages.render(HttpStatus.GONE, "invalid-link", Map.of("expired", true));
        }
        if (verified.memberId().isEmpty()) {
            return this.pages.render(HttpStatus.BAD_REQUEST, "invalid-link", Map.of("expired", false));
        }
        Optional<Member> member = this.members.find(verified.memberId().get());
        if (member.isEmpty()) {
            return this.pages.render(HttpStatus.NOT_FOUND, "no-member", Map.of());
        }
        return action.apply(member.get());
    }

    /**
     * One subscription as the form shows it.
     *
     * @param tags the tags, separated by commas
     * @param frequency immediate, daily or weekly
     * @param match any or all (kept as it was)
     * @param minRelevance 0–3 (kept as it was)
     * @param includeImplied {@code true} or {@code false}: whether tags an announcement
     * has only by implication count
     */
    record Row(String tags, String frequency, String match, String minRelevance, String includeImplied) {

        /**
         * The subscription; empty when the row has no tags (removed).
         * @throws IllegalArgumentException if the row is not valid
         */
        Optional<Subscription> toSubscription() {
            List<String> names = Arrays.stream(this.tags.split("[,\\s]+"))
                .map((tag) -> tag.strip().toLowerCase(Locale.ROOT))
                .filter((tag) -> !tag.isEmpty())
                .distinct()
                .toList();
            if (names.isEmpty()) {
                return Optional.empty();
            }
            if (names.size() > 50 || !names.stream().allMatch((tag) -> TAG.matcher(tag).matches())
                    || !this.frequency.matches("immediate|daily|weekly") || !this.match.matches("any|all")
                    || !this.minRelevance.matches("[0-3]") || !this.includeImplied.matches("true|false")) {
                throw new IllegalArgumentException("not a valid subscription");
            }
            return Optional
                .of(new Subscription(UUID.randomUUID(), names, this.match, Integer.parseInt(this.minRelevance),
                        Frequency.of(this.frequency), Boolean.parseBoolean(this.includeImplied)));
        }

    }

}
