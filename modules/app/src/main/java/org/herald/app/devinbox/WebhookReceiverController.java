package org.herald.app.devinbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.herald.app.demo.DemoPartner;
import org.herald.embedded.webhook.ReceivedWebhook;
import org.herald.embedded.webhook.WebhookInbox;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in webhook receiver: {@code POST /dev/webhooks/{name}} keeps every request
 * and checks its Standard Webhooks signature with the secret of the demo partner, when
 * the name is the demo partner's. It answers 204, as a partner system would, and 413 to a
 * body over {@code herald.embedded.webhooks.max-body-bytes}, which it does not keep.
 */
@RestController
class WebhookReceiverController {

    private final WebhookInbox inbox;

    private final DemoPartner demoPartner;

    WebhookReceiverController(WebhookInbox inbox, DemoPartner demoPartner) {
        this.inbox = inbox;
        this.demoPartner = demoPartner;
    }

    @PostMapping("/dev/webhooks/{name}")
    ResponseEntity<?> receive(@PathVariable String name, HttpServletRequest request) throws IOException {
        int limit = this.inbox.maxBodyBytes();
        byte[] bytes = (request.getContentLengthLong() > limit) ? null : request.getInputStream().readNBytes(limit + 1);
        if (bytes == null || bytes.length > limit) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The body is larger than " + limit + " bytes (herald.embedded.webhooks.max-body-bytes)");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header : Collections.list(request.getHeaderNames())) {
            headers.put(header, Collections.list(request.getHeaders(header)));
        }
        String secret = this.demoPartner.secretFor(name).orElse(null);
        ReceivedWebhook received = this.inbox.record(request.getMethod(), request.getRequestURI(), headers, body,
                secret);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).header("X-Herald-Dev-Inbox", received.id()).build();
    }

}
