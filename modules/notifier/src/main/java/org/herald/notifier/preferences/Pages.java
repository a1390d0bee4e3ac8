package org.herald.notifier.preferences;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.ITemplateEngine;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Renders the members' pages from {@code templates/pages/*.html} (HTML mode: every value
 * escaped).
 */
final class Pages {

    private final ITemplateEngine templates;

    Pages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("templates/pages/");
        resolver.setSuffix(".html");
        resolver.setResolvablePatterns(Set.of("*"));
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        this.templates = engine;
    }

    ResponseEntity<String> render(HttpStatus status, String template, Map<String, Object> variables) {
        Context context = new Context(Locale.UK);
        context.setVariables(variables);
        return ResponseEntity.status(status)
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .cacheControl(CacheControl.noStore())
            .header("Referrer-Policy", "no-referrer")
            .header("X-Robots-Tag", "noindex")
            .body(this.templates.process(template, context));
    }

}
