package org.herald.notifier.member;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A member would have more subscriptions than
 * {@code herald.notifier.members.max-subscriptions} allows: a 422 problem detail, and
 * nothing is changed.
 */
public final class TooManySubscriptionsException extends ErrorResponseException {

    private final int max;

    TooManySubscriptionsException(int max) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(max), null);
        this.max = max;
    }

    /** The most subscriptions a member may have. */
    public int max() {
        return this.max;
    }

    private static ProblemDetail problem(int max) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "A member may have at most " + max + " subscriptions (herald.notifier.members.max-subscriptions)");
        problem.setTitle("Too many subscriptions");
        problem.setProperty("maxSubscriptions", max);
        return problem;
    }

}
