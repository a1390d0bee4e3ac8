package org.herald.app.devinbox;

import java.util.List;

import org.herald.app.Exposure;
import org.herald.embedded.mail.CapturedEmail;
import org.herald.embedded.mail.EmbeddedSmtp;
import org.herald.embedded.webhook.ReceivedWebhook;
import org.herald.embedded.webhook.WebhookInbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/inbox}: the captured emails (each viewable as it renders) and the received
 * webhooks with their signature check; {@code /dev/inbox/emails} and
 * {@code /dev/inbox/webhooks} give the same as JSON.
 * <p>
 * The emails carry members' addresses and their signed links, so the inbox is served only
 * while the front door listens on loopback, unless {@code herald.dev-inbox.enabled} says
 * otherwise: beyond this machine it answers 403 and {@code /} goes to the console.
 */
@Controller
class DevInboxController {

    /** Emails are shown in a sandbox that can load nothing and run nothing. */
    private static final String EMAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private final ObjectProvider<EmbeddedSmtp> smtp;

    private final WebhookInbox webhooks;

    private final boolean served;

    DevInboxController(ObjectProvider<EmbeddedSmtp> smtp, WebhookInbox webhooks, Exposure exposure,
            Environment environment) {
        this.smtp = smtp;
        this.webhooks = webhooks;
        this.served = environment.getProperty("herald.dev-inbox.enabled", Boolean.class, !exposure.beyondThisMachine());
    }

    @GetMapping("/")
    String home(Model model) {
        return this.served ? inbox(model) : "redirect:/console";
    }

    @GetMapping({ "/dev", "/dev/inbox" })
    String inbox(Model model) {
        requireServed();
        EmbeddedSmtp server = this.smtp.getIfAvailable();
        model.addAttribute("capturing", server != null);
        model.addAttribute("emails", (server != null) ? server.messages() : List.of());
        model.addAttribute("webhooks", this.webhooks.webhooks());
        return "dev/inbox";
    }

    @GetMapping(path = "/dev/inbox/emails", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<CapturedEmail> emails() {
        requireServed();
        EmbeddedSmtp server = this.smtp.getIfAvailable();
        return (server != null) ? server.messages() : List.of();
    }

    @GetMapping(path = "/dev/inbox/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<ReceivedWebhook> webhooks() {
        requireServed();
        return this.webhooks.webhooks();
    }

    @GetMapping("/dev/inbox/emails/{id}")
    ResponseEntity<String> email(@PathVariable String id) {
        requireServed();
        EmbeddedSmtp server = this.smtp.getIfAvailable();
        CapturedEmail email = (server != null) ? server.message(id).orElse(null) : null;
        if (email == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No captured email " + id);
        }
        boolean html = email.html() != null;
        return ResponseEntity.ok()
            .header("Content-Security-Policy", EMAIL_POLICY)
            .contentType(html ? MediaType.TEXT_HTML : MediaType.TEXT_PLAIN)
            .body(html ? email.html() : String.valueOf(email.text()));
    }

    private void requireServed() {
        if (!this.served) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "The dev inbox is not served while the app listens beyond this machine (server.address): "
                            + "it shows members' emails and their signed links. Set herald.dev-inbox.enabled=true "
                            + "to serve it anyway.");
        }
    }

}
