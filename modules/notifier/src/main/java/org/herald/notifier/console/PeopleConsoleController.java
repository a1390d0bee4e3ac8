package org.herald.notifier.console;

import java.util.List;
import java.util.UUID;

import org.herald.notifier.member.Suppressions;
import org.herald.notifier.partner.Partners;
import org.herald.notifier.webhook.WebhookProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's members and partners: list and search them, suppress or unsuppress a
 * member's address, re-enable a disabled endpoint, rotate a partner's secret. A member
 * search is a form post, so that no address ends up in a URL or an access log.
 */
@Controller
class PeopleConsoleController {

    private static final int PAGE_SIZE = 100;

    private final ConsoleQueries queries;

    private final Suppressions suppressions;

    private final Partners partners;

    private final WebhookProperties webhooks;

    PeopleConsoleController(ConsoleQueries queries, Suppressions suppressions, Partners partners,
            WebhookProperties webhooks) {
        this.queries = queries;
        this.suppressions = suppressions;
        this.partners = partners;
        this.webhooks = webhooks;
    }

    @GetMapping("/console/members")
    String members(Model model) {
        return members(null, model);
    }

    @PostMapping("/console/members")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        return members(q, model);
    }

    private String members(@Nullable String search, Model model) {
        model.addAttribute("q", (search != null) ? search : "");
        model.addAttribute("members", this.queries.members(search, PAGE_SIZE));
        return "console/members";
    }

    @PostMapping("/console/members/{id}/suppress")
    ResponseEntity<Void> suppress(@PathVariable UUID id) {
        this.suppressions.suppress(id, "suppressed by staff in the console");
        return seeOther("/console/members");
    }

    @PostMapping("/console/members/{id}/unsuppress")
    ResponseEntity<Void> unsuppress(@PathVariable UUID id) {
        this.suppressions.clear(id);
        return seeOther("/console/members");
    }

    @GetMapping("/console/partners")
    String partners(Model model) {
        model.addAttribute("partners", this.partners.page(null, PAGE_SIZE));
        return "console/partners";
    }

    @PostMapping("/console/partners/{id}/enable")
    ResponseEntity<Void> enable(@PathVariable UUID id) {
        this.partners.enable(id);
        return seeOther("/console/partners");
    }

    /**
     * The new secret is shown on this one answer, never again (as the API answers it
     * once).
     */
    @PostMapping("/console/partners/{id}/rotate")
    String rotate(@PathVariable UUID id, Model model) {
        String secret = this.partners.rotateSecret(id, this.webhooks.secretOverlap())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No partner " + id));
        model.addAttribute("partners", this.partners.page(null, PAGE_SIZE));
        model.addAttribute("rotated", new Rotated(id, secret, this.webhooks.secretOverlap().toHours()));
        return "console/partners";
    }

    private static ResponseEntity<Void> seeOther(String path) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, path).build();
    }

    /**
     * A rotation's answer.
     *
     * @param partnerId the partner
     * @param secret the new secret
     * @param overlapHours how long the old one is still accepted
     */
    public record Rotated(UUID partnerId, String secret, long overlapHours) {

        @Override
        public String toString() {
            return "Rotated[partnerId=" + this.partnerId + ", secret=hidden]";
        }

    }

}
