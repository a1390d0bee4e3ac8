package org.herald.notifier.member;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.herald.notifier.member.MemberRequest.SubscriptionRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;

/**
 * Adding a member and changing their subscriptions from a form (the staff console): the
 * admin API's request ({@link MemberRequest}), checked by the same bean validation, and
 * the same {@link Members} calls, so the same rules and the subscription cap apply. What
 * is wrong comes back as sentences for the form, never as an exception.
 */
public class MemberForms {

    private static final Pattern SUBSCRIPTION_PATH = Pattern.compile("^subscriptions\\[(\\d+)]\\.?");

    private final Members members;

    private final Validator validator;

    MemberForms(Members members, Validator validator) {
        this.members = members;
        this.validator = validator;
    }

    /**
     * Adds a member, their consent recorded as the admin API records it (given now, by
     * {@code admin-api}); rows with no tags are left out.
     */
    public Outcome add(String email, @Nullable String name, @Nullable String organisation, List<SubscriptionRow> rows) {
        MemberRequest request = new MemberRequest((email != null) ? email.strip() : "", name, organisation,
                requests(rows), null);
        List<String> errors = validate(request);
        if (!errors.isEmpty()) {
            return Outcome.refused(errors);
        }
        try {
            return Outcome.done(this.members.create(request.email(), MemberRequest.blankToNull(name),
                    MemberRequest.blankToNull(organisation), request.toSubscriptions(), request.toConsent()));
        }
        catch (DuplicateKeyException ex) {
            return Outcome.refused(List.of(MemberViews.duplicateEmail().getBody().getDetail()));
        }
        catch (TooManySubscriptionsException ex) {
            return Outcome.refused(List.of(ex.getBody().getDetail()));
        }
    }

    /**
     * Replaces all of a member's subscriptions with {@code rows} (those with tags); none
     * ends them all, and what was queued for what they left is stopped, as when they
     * unsubscribe.
     */
    public Outcome replaceSubscriptions(UUID memberId, List<SubscriptionRow> rows) {
        Optional<Member> member = this.members.find(memberId);
        if (member.isEmpty()) {
            return Outcome.refused(List.of("No member has id " + memberId));
        }
        MemberRequest request = new MemberRequest(member.get().email(), member.get().name(),
                member.get().organisation(), requests(rows), null);
        List<String> errors = validate(request);
        if (!errors.isEmpty()) {
            return Outcome.refused(errors);
        }
        try {
            this.members.replaceSubscriptions(memberId, request.toSubscriptions());
        }
        catch (TooManySubscriptionsException ex) {
            return Outcome.refused(List.of(ex.getBody().getDetail()));
        }
        return Outcome.done(memberId);
    }

    private static List<SubscriptionRequest> requests(List<SubscriptionRow> rows) {
        List<SubscriptionRequest> requests = new ArrayList<>();
        for (SubscriptionRow row : rows) {
            List<String> tags = row.tagList();
            if (!tags.isEmpty()) {
                requests.add(new SubscriptionRequest(tags, blankToDefault(row.match()), row.minRelevance(),
                        blankToDefault(row.frequency()), row.includeImplied()));
            }
        }
        return requests;
    }

    private static @Nullable String blankToDefault(@Nullable String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

    private List<String> validate(MemberRequest request) {
        Set<ConstraintViolation<MemberRequest>> violations = this.validator.validate(request);
        return violations.stream()
            .map((violation) -> describe(violation.getPropertyPath().toString()) + ": " + violation.getMessage())
            .sorted(Comparator.naturalOrder())
            .toList();
    }

    /**
     * {@code subscriptions[1].tags[0].<list element>} as "Subscription 2, tags".
     */
    static String describe(String path) {
        String plain = path.replace(".<list element>", "").replaceAll("\\[\\d+]$", "");
        Matcher matcher = SUBSCRIPTION_PATH.matcher(plain);
        if (matcher.find()) {
            String field = plain.substring(matcher.end()).replaceAll("\\[\\d+]", "");
            return "Subscription " + (Integer.parseInt(matcher.group(1)) + 1) + (field.isEmpty() ? "" : ", " + field);
        }
        return plain.isEmpty() ? "Member" : Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
    }

    /**
     * One subscription's row of a form.
     *
     * @param tags the tags, separated by commas or spaces
     * @param match {@code any} or {@code all}; blank for {@code any}
     * @param minRelevance the least relevance, 0–3; null for 0
     * @param frequency {@code immediate}, {@code daily} or {@code weekly}; blank for
     * {@code immediate}
     * @param includeImplied whether implied tags count
     */
    public record SubscriptionRow(@Nullable String tags, @Nullable String match, @Nullable Integer minRelevance,
            @Nullable String frequency, boolean includeImplied) {

        /** A row showing a subscription as it is. */
        public static SubscriptionRow of(Subscription subscription) {
            return new SubscriptionRow(String.join(", ", subscription.tags()), subscription.match(),
                    subscription.minRelevance(), subscription.frequency().value(), subscription.includeImplied());
        }

        /** An empty row, for one more subscription. */
        public static SubscriptionRow blank() {
            return new SubscriptionRow("", "any", 0, "immediate", true);
        }

        List<String> tagList() {
            if (this.tags == null || this.tags.isBlank()) {
                return List.of();
            }
            return Arrays.stream(this.tags.strip().split("[,\\s]+")).filter((tag) -> !tag.isEmpty()).toList();
        }

    }

    /**
     * What became of a form.
     *
     * @param memberId the member added or changed; null if refused
     * @param errors what was wrong, one sentence each; empty if done
     */
    public record Outcome(@Nullable UUID memberId, List<String> errors) {

        static Outcome done(UUID memberId) {
            return new Outcome(memberId, List.of());
        }

        static Outcome refused(List<String> errors) {
            return new Outcome(null, List.copyOf(errors));
        }

        public boolean done() {
            return this.errors.isEmpty();
        }

    }

}
