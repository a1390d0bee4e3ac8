package org.herald.notifier.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.herald.notifier.member.Member;
import org.herald.notifier.member.MemberForms;
import org.herald.notifier.member.Members;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

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

    private final Members members;

    private final MemberForms forms;

    PeopleConsoleController(ConsoleQueries queries, Suppressions suppressions, Partners partners,
            WebhookProperties webhooks, Members members, MemberForms forms) {
        this.members = members;
        this.forms = forms;
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

    @GetMapping("/console/members/new")
    String newMember(Model model) {
        model.addAttribute("form", new MemberForm().withBlankRows(3));
        model.addAttribute("errors", List.of());
        return "console/member-new";
    }

    /**
     * Adds a member by the admin API's rules ({@link MemberForms}); what is wrong is
     * shown on the form again, {@code 422}.
     */
    @PostMapping("/console/members/new")
    ModelAndView addMember(@ModelAttribute("form") MemberForm form) {
        MemberForms.Outcome outcome = this.forms.add(form.getEmail(), form.getName(), form.getOrganisation(),
                form.rows());
        if (outcome.done()) {
            return seeOtherView("/console/members/" + outcome.memberId() + "?added");
        }
        return new ModelAndView("console/member-new", Map.of("form", form.withBlankRows(1), "errors", outcome.errors()),
                HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping("/console/members/{id}")
    String member(@PathVariable UUID id, @RequestParam(required = false) @Nullable String added,
            @RequestParam(required = false) @Nullable String saved, Model model) {
        Member member = member(id);
        MemberForm form = new MemberForm();
        member.subscriptions()
            .forEach((subscription) -> form.getSubscriptions()
                .add(MemberForm.Row.of(MemberForms.SubscriptionRow.of(subscription))));
        model.addAttribute("member", member);
        model.addAttribute("form", form.withBlankRows(1));
        model.addAttribute("errors", List.of());
        model.addAttribute("notice",
                (added != null) ? "Member added." : (saved != null) ? "Subscriptions saved." : null);
        return "console/member";
    }

    /**
     * Replaces the member's subscriptions with the form's rows (a row left without tags
     * ends that subscription), by the admin API's rules.
     */
    @PostMapping("/console/members/{id}/subscriptions")
    ModelAndView saveSubscriptions(@PathVariable UUID id, @ModelAttribute("form") MemberForm form) {
        Member member = member(id);
        MemberForms.Outcome outcome = this.forms.replaceSubscriptions(id, form.rows());
        if (outcome.done()) {
            return seeOtherView("/console/members/" + id + "?saved");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("member", member);
        model.put("form", form.withBlankRows(1));
        model.put("errors", outcome.errors());
        return new ModelAndView("console/member", model, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private Member member(UUID id) {
        return this.members.find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No member has id " + id));
    }

    private static ModelAndView seeOtherView(String path) {
        RedirectView redirect = new RedirectView(path, true, false);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
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
