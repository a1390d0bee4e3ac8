package org.herald.notifier.partner;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/partners}; {@code tags} empty or absent means every
 * announcement of at least {@code minRelevance}; {@code match} defaults to {@code any},
 * {@code minRelevance} to 0, {@code includeImplied} (whether tags an announcement has
 * only by implication count) to true; {@code rateLimit} (messages per second) absent
 * means {@code herald.notifier.webhooks.rate-limit}.
 */
record PartnerRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 2048) String url,
        @NotBlank @Size(max = 254) @Email(regexp = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+",
                message = "must be an email address") String contactEmail,
        @Size(max = 50) List<@NotNull @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*",
                message = "must be a tag: letters, digits and hyphens") String> tags,
        @Pattern(regexp = "any|all", message = "must be any or all") String match, @Min(0) @Max(3) Integer minRelevance,
        @Min(1) @Max(10000) Integer rateLimit, Boolean includeImplied) {

    PartnerRequest {
        tags = (tags != null) ? tags : List.of();
        match = (match != null) ? match : "any";
        minRelevance = (minRelevance != null) ? minRelevance : 0;
        includeImplied = (includeImplied != null) ? includeImplied : Boolean.TRUE;
    }

}
