package org.herald.publisher.feed;

import java.util.List;
import java.util.stream.Collectors;

/**
 * GOV.UK Search API answers made to measure: one result per day of November 2026, in the
 * shape of {@code gov-uk-dbt-search.json}.
 */
final class SearchResults {

    private SearchResults() {
    }

    static String page(String prefix, String day) {
        return "https://www.gov.uk/government/news/" + prefix + "notice-of-" + day + "-november";
    }

    static String of(String prefix, List<String> days) {
        String results = days.stream().map((day) -> """
                {"content_store_document_type": "news_story", "description": "Notice of %2$s November.",
                 "link": "/government/news/%1$snotice-of-%2$s-november",
                 "organisations": [{"acronym": "DBT", "slug": "department-for-business-and-trade",
                                    "title": "Department for Business and Trade"}],
                 "public_timestamp": "2026-11-%2$sT09:00:00.000+00:00", "title": "Notice of %2$s November",
                 "index": "govuk", "_id": "/government/news/%1$snotice-of-%2$s-november",
                 "elasticsearch_type": "edition", "document_type": "edition"}
                """.formatted(prefix, day)).collect(Collectors.joining(","));
        return "{\"results\": [" + results + "], \"total\": 100, \"start\": 0, \"aggregates\": {}}";
    }

}
