package org.herald.tagger.reload;

import org.herald.tagger.reload.TaxonomyReloading.Reloaded;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/tagging/taxonomy/reload}: reads the taxonomy file again and tags
 * with it from now on; answers the version before and after. An invalid file is a 422
 * problem naming the error, and the taxonomy in use stays. An admin endpoint
 * ({@code herald.admin-api-keys}).
 */
@RestController
class TaxonomyReloadController {

    private final TaxonomyReloading reloading;

    TaxonomyReloadController(TaxonomyReloading reloading) {
        this.reloading = reloading;
    }

    @PostMapping(path = "/api/v1/tagging/taxonomy/reload", produces = MediaType.APPLICATION_JSON_VALUE)
    Reloaded reload() {
        return this.reloading.reload();
    }

    @ExceptionHandler
    ProblemDetail invalidTaxonomy(InvalidTaxonomyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle("Taxonomy not reloaded");
        problem.setProperty("taxonomyVersion", this.reloading.version());
        return problem;
    }

}
