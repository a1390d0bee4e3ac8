package org.herald.notifier.commentary;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.herald.notifier.delivery.Commentary;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.matching.CommentaryIntake;
import org.herald.notifier.matching.CommentaryIntake.Commented;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for the association's commentary on an announcement: each {@code PUT} is
 * a new version, sent as {@code announcement.commented} to matching partners, into the
 * next digest of matching digest members, and to members already emailed about it only if
 * {@code sendToAlreadyTold}.
 */
@RestController
class CommentaryController {

    /** The longest commentary, in characters: a few paragraphs, not an article. */
    static final int MAX_LENGTH = 4000;

    private final CommentaryIntake intake;

    private final CommentaryStore commentaries;

    CommentaryController(CommentaryIntake intake, CommentaryStore commentaries) {
        this.intake = intake;
        this.commentaries = commentaries;
    }

    @PutMapping("/api/v1/announcements/{id}/commentary")
    Commented put(@PathVariable UUID id, @Valid @RequestBody CommentaryRequest request) {
        return this.intake.comment(id, request.text().strip(), Boolean.TRUE.equals(request.sendToAlreadyTold()))
            .orElseThrow(() -> notTakenIn(id));
    }

    @GetMapping("/api/v1/announcements/{id}/commentary")
    Commentary get(@PathVariable UUID id) {
        return this.commentaries.latest(id).orElseThrow(() -> {
            HttpStatus status = HttpStatus.NOT_FOUND;
            return new ErrorResponseException(status,
                    ProblemDetail.forStatusAndDetail(status, "Announcement " + id + " has no commentary"), null);
        });
    }

    private static ErrorResponseException notTakenIn(UUID id) {
        HttpStatus status = HttpStatus.NOT_FOUND;
        return new ErrorResponseException(status,
                ProblemDetail.forStatusAndDetail(status, "The notifier has not taken in announcement " + id
                        + "; commentary can be given with it when it is" + " published (the publish API's commentary)"),
                null);
    }

    /**
     * A version of the commentary.
     *
     * @param text markdown; raw HTML shows as text, only http(s) and mailto links are
     * kept
     * @param sendToAlreadyTold whether members already emailed about the announcement get
     * an email with it (default false)
     */
    record CommentaryRequest(@NotBlank @Size(max = MAX_LENGTH) String text, @Nullable Boolean sendToAlreadyTold) {
    }

}
