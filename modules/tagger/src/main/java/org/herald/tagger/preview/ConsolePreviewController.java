package org.herald.tagger.preview;

import org.herald.tagger.tagging.Implications;
import org.herald.tagger.tagging.Tagger;
import org.herald.tagger.tagging.Tagging;
import org.herald.support.web.InvalidFieldsException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The tagger's console page: a text previewed against the taxonomy, from a form, with the
 * same logic as {@code POST /api/v1/tagging/preview}. Sign-in and CSRF are checked first
 * ({@code ConsoleFilter}).
 */
@Controller
class ConsolePreviewController {

    private final Tagger tagger;

    ConsolePreviewController(Tagger tagger) {
        this.tagger = tagger;
    }

    @GetMapping("/console/preview")
    String form(Model model) {
        model.addAttribute("request", new PreviewRequest("", "", "", ""));
        return "console/preview";
    }

    @PostMapping("/console/preview")
    String preview(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String url, Model model,
            HttpServletResponse response) {
        PreviewRequest request = new PreviewRequest(title, blankToNull(summary), blankToNull(body), blankToNull(url));
        model.addAttribute("request", new PreviewRequest(title, summary, body, url));
        try {
            TaggingPreviewController.validate(request);
        }
        catch (InvalidFieldsException ex) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", ex.getProblems());
            return "console/preview";
        }
        Tagging tagging = Implications.tag(this.tagger, request.title(), request.summary(), request.body(),
                request.url());
        model.addAttribute("result", PreviewResponse.of(tagging));
        return "console/preview";
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

}
