package org.herald.support.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProblemDetailsAdviceTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ThingController())
        .setControllerAdvice(new ProblemDetailsAdvice())
        .addFilters(new RequestBodyLimitFilter(64))
        .build();

    @Test
    void listsEachInvalidField() throws Exception {
        this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(400))
            .andExpect(jsonPath("$.errors[0].field").value("name"))
            .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void namesAFieldOfTheWrongType() throws Exception {
        this.mvc
            .perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"a\",\"at\":\"yesterday\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("at"));
    }

    @Test
    void answersMalformedJsonWith400() throws Exception {
        this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value("The request body is missing or is not valid JSON"));
    }

    @Test
    void answersOtherContentTypesWith415() throws Exception {
        this.mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("name=a"))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersOversizedBodiesWith413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(100) + "\"}";
        this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(big))
            .andExpect(status().is(HttpStatus.CONTENT_TOO_LARGE.value()))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersInvalidFieldsRaisedByApplicationCode() throws Exception {
        this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"reject\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"))
            .andExpect(jsonPath("$.errors[0].message").value("is reserved"));
    }

    @Test
    void hidesTheCauseOfUnexpectedFailures() throws Exception {
        this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"boom\"}"))
            .andExpect(status().isInternalServerError())
            .andExpect(jsonPath("$.detail").value("An unexpected error occurred; it has been logged"));
    }

    record Thing(@NotBlank String name, Instant at) {
    }

    @RestController
    static class ThingController {

        @PostMapping("/things")
        @ResponseStatus(HttpStatus.CREATED)
        Thing create(@Valid @RequestBody Thing thing) {
            if (thing.name().equals("reject")) {
                throw new InvalidFieldsException("name", "is reserved");
            }
            if (thing.name().equals("boom")) {
                throw new IllegalStateException("secret internals");
            }
            return thing;
        }

    }

}
