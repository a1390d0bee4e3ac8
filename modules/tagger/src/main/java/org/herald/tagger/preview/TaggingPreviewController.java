package org.herald.tagger.preview;

import java.util.ArrayList;
import java.util.List;

import org.herald.support.web.FieldProblem;
import org.herald.support.web.InvalidFieldsException;
import org.herald.tagger.tagging.Implications;
import org.herald.tagger.tagging.Tagger;
import org.herald.tagger.tagging.Tagging;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/tagging/preview}: the tags (with evidence, implied tags with their
 * chain), relevance and taxonomy version the pipeline would give a text, without
 * publishing. An admin endpoint ({@code herald.admin-api-keys}).
 */
@RestController
class TaggingPreviewController {

    /** Longest text accepted in any field. */
    static final int MAX_LENGTH = 100_000;

    private final Tagger tagger;

    TaggingPreviewController(Tagger tagger) {
        this.tagger = tagger;
    }

    @PostMapping(path = "/api/v1/tagging/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    PreviewResponse preview(@RequestBody PreviewRequest request) {
        validate(request);
        Tagging tagging = Implications.tag(this.tagger, request.title(), request.summary(), request.body(),
                request.url());
        return PreviewResponse.of(tagging);
    }

    static void validate(PreviewRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.title() == null || request.title().isBlank()) {
            problems.add(new FieldProblem("title", "must not be blank"));
        }
        checkLength("title", request.title(), problems);
        checkLength("summary", request.summary(), problems);
        checkLength("body", request.body(), problems);
        checkLength("url", request.url(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    private static void checkLength(String field, String value, List<FieldProblem> problems) {
        if (value != null && value.length() > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_LENGTH + " characters"));
        }
    }

}
