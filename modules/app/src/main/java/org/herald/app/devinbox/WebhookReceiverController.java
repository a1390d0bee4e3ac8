package org.herald.app.devinbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.herald.app.demo.DemoPartner;
import org.herald.embedded.webhook.ReceivedWebhook;
import org.herald.embedded.webhook.WebhookInbox;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in webhook receiver: {@code POST /dev/webhooks/{name}} keeps every request
 * and checks its Standard Webhooks signature with the secret of the demo partner, when
 * the name is the demo partner's. It answers 204, as a partner system would.
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
    ResponseEntity<Void> receive(@PathVariable String name, @RequestBody(required = false) String body,
            HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header : Collections.list(request.getHeaderNames())) {
            headers.put(header, Collections.list(request.getHeaders(header)));
        }
        String secret = this.demoPartner.secretFor(name).orElse(null);
        ReceivedWebhook received = this.inbox.record(request.getMethod(), request.getRequestURI(), headers,
                (body != null) ? body : "", secret);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).header("X-Herald-Dev-Inbox", received.id()).build();
    }

}
