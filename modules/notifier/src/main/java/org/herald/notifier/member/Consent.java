package org.herald.notifier.member;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A member's consent to be emailed (UK GDPR, PECR): when it was given, how, and the
 * version of the wording they agreed to.
 *
 * @param givenAt when it was given
 * @param method how it was taken: {@code admin-api} (an operator added the member),
 * {@code import} (a bulk import of an existing list) or {@code form} (a sign-up form that
 * calls the admin API)
 * @param wordingVersion the version of the consent wording shown, or null if none was
 * given
 */
public record Consent(Instant givenAt, String method, @Nullable String wordingVersion) {

    /** The ways consent is taken. */
    public static final String METHODS = "admin-api|import|form";

    public Consent {
        Objects.requireNonNull(givenAt, "givenAt");
        if (method == null || !method.matches(METHODS)) {
            throw new IllegalArgumentException("consent method must be one of " + METHODS + ", not " + method);
        }
    }

}
