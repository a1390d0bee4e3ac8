package org.herald.notifier.console;

import java.util.ArrayList;
import java.util.List;

import org.herald.notifier.member.MemberForms.SubscriptionRow;
import org.jspecify.annotations.Nullable;

/**
 * What the console's member forms post: the member's details and a row per subscription
 * ({@code subscriptions[0].tags}, ...). A row with no tags is no subscription.
 */
public class MemberForm {

    private @Nullable String email;

    private @Nullable String name;

    private @Nullable String organisation;

    private List<Row> subscriptions = new ArrayList<>();

    public @Nullable String getEmail() {
        return this.email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getName() {
        return this.name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getOrganisation() {
        return this.organisation;
    }

    public void setOrganisation(@Nullable String organisation) {
        this.organisation = organisation;
    }

    public List<Row> getSubscriptions() {
        return this.subscriptions;
    }

    public void setSubscriptions(List<Row> subscriptions) {
        this.subscriptions = subscriptions;
    }

    List<SubscriptionRow> rows() {
        return this.subscriptions.stream().map(Row::toRow).toList();
    }

    /** Adds blank rows until there are {@code blank} rows without tags at the end. */
    MemberForm withBlankRows(int blank) {
        long empty = this.subscriptions.stream().filter((row) -> row.tags == null || row.tags.isBlank()).count();
        for (long i = empty; i < blank; i++) {
            this.subscriptions.add(Row.of(SubscriptionRow.blank()));
        }
        return this;
    }

    @Override
    public String toString() {
        return "MemberForm[subscriptions=" + this.subscriptions.size() + "]";
    }

    /** One subscription's row. */
    public static class Row {

        private @Nullable String tags;

        private @Nullable String match;

        private @Nullable Integer minRelevance;

        private @Nullable String frequency;

        private boolean includeImplied;

        static Row of(SubscriptionRow row) {
            Row form = new Row();
            form.tags = row.tags();
            form.match = row.match();
            form.minRelevance = row.minRelevance();
            form.frequency = row.frequency();
            form.includeImplied = row.includeImplied();
            return form;
        }

        SubscriptionRow toRow() {
            return new SubscriptionRow(this.tags, this.match, this.minRelevance, this.frequency, this.includeImplied);
        }

        public @Nullable String getTags() {
            return this.tags;
        }

        public void setTags(@Nullable String tags) {
            this.tags = tags;
        }

        public @Nullable String getMatch() {
            return this.match;
        }

        public void setMatch(@Nullable String match) {
            this.match = match;
        }

        public @Nullable Integer getMinRelevance() {
            return this.minRelevance;
        }

        public void setMinRelevance(@Nullable Integer minRelevance) {
            this.minRelevance = minRelevance;
        }

        public @Nullable String getFrequency() {
            return this.frequency;
        }

        public void setFrequency(@Nullable String frequency) {
            this.frequency = frequency;
        }

        public boolean isIncludeImplied() {
            return this.includeImplied;
        }

        public void setIncludeImplied(boolean includeImplied) {
            this.includeImplied = includeImplied;
        }

    }

}
