package org.herald.publisher.announcement;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/announcements}: 202 {@code {"id","duplicate":false,"revision"}}
 * once the announcement (or an update of it: revision 1 and up) is on the topic, 200
 * {@code {"id","duplicate":true,"revision"}} when it was published before as it is, 503
 * when it could not be published now.
 */
@RestController
class AnnouncementController {

    private final Publishing publishing;

    private final Duration retryAfter;

    AnnouncementController(Publishing publishing, AnnouncementProperties properties) {
        this.publishing = publishing;
        this.retryAfter = properties.sendTimeout();
    }

    @PostMapping(path = "/api/v1/announcements", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> publish(@Valid @RequestBody AnnouncementSubmission submission) {
        Publication publication = this.publishing.publish(submission);
        HttpStatus status = publication.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status)
            .body(Map.of("id", publication.id().toString(), "duplicate", publication.duplicate(), "revision",
                    publication.revision()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(PublishingUnavailableException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The announcement could not be published now and nothing of it was kept; try again later");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.retryAfter.toSeconds())))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }

}
