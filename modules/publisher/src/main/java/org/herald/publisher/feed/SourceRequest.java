package org.herald.publisher.feed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/sources} and {@code PUT /api/v1/sources/{id}}.
 *
 * @param name a unique name, e.g. {@code gov-uk-dbt}: letters, digits, {@code .},
 * {@code _}, {@code :} and {@code -}; it is the {@code source} of what it publishes
 * @param kind {@code gov-uk-atom}, {@code gov-uk-search} or {@code feed}
 * @param url where it is fetched from: absolute http(s), admitted by the SSRF guard
 * @param interval the pause between polls, e.g. {@code 5m} or {@code PT5M}; 5 minutes if
 * absent
 * @param enabled whether it is polled; {@code true} if absent
 */
record SourceRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]*",
                message = "must be letters, digits, '.', '_', ':' and '-'") String name,
        @NotBlank String kind, @NotBlank @Size(max = 2048) String url, @Nullable String interval,
        @Nullable Boolean enabled) {
}
