package org.herald.notifier.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Dispatcher;
import org.herald.notifier.delivery.Resends;
import org.herald.notifier.hold.Holds;
import org.herald.notifier.hold.SendingPause;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The notifier's console pages: announcements (newest first, searchable by title), one
 * announcement with its evidence and deliveries, approving or cancelling a held fan-out,
 * health at a glance, and the global pause. Sign-in and CSRF are checked before any of
 * these run ({@code ConsoleFilter}).
 */
@Controller
class ConsoleController {

    private static final int PAGE_SIZE = 50;

    private static final int LATEST_DEAD_LETTERS = 5;

    private final ConsoleQueries queries;

    private final AnnouncementStore announcements;

    private final Holds holds;

    private final SendingPause pause;

    private final Dispatcher dispatcher;

    private final Resends resends;

    private final DeadLetterTopics deadLetters;

    ConsoleController(ConsoleQueries queries, AnnouncementStore announcements, Holds holds, SendingPause pause,
            Dispatcher dispatcher, Resends resends, DeadLetterTopics deadLetters) {
        this.resends = resends;
        this.deadLetters = deadLetters;
        this.queries = queries;
        this.announcements = announcements;
        this.holds = holds;
        this.pause = pause;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/console/announcements")
    String announcements(@RequestParam(required = false) @Nullable String q, Model model) {
        List<AnnouncementTagged> found = this.queries.announcements(q, PAGE_SIZE);
        Map<UUID, Map<String, Map<String, Long>>> counts = this.queries
            .deliveryCounts(found.stream().map(AnnouncementTagged::id).toList());
        model.addAttribute("q", (q != null) ? q : "");
        model.addAttribute("statuses", ConsoleQueries.STATUSES);
        model.addAttribute("items",
                found.stream()
                    .map((a) -> new AnnouncementsPage(a, counts.get(a.id()), this.holds.find(a.id()).orElse(null)))
                    .toList());
        model.addAttribute("held", this.holds.waiting().size());
        model.addAttribute("sending", this.pause.state());
        return "console/announcements";
    }

    @GetMapping("/console/announcements/{id}")
    String announcement(@PathVariable UUID id, @RequestParam(required = false) @Nullable String resent, Model model) {
        model.addAttribute("resent", resent != null);
        return announcementPage(id, model);
    }

    private String announcementPage(UUID id, Model model) {
        AnnouncementTagged announcement = this.announcements.find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No announcement " + id));
        model.addAttribute("item", new AnnouncementsPage(announcement, this.queries.deliveryCounts(List.of(id)).get(id),
                this.holds.find(id).orElse(null)));
        model.addAttribute("deliveries", this.queries.deliveries(id, 200));
        model.addAttribute("statuses", ConsoleQueries.STATUSES);
        model.addAttribute("sending", this.pause.state());
        return "console/announcement";
    }

    /**
     * Sends one delivery of the announcement again ({@link Resends}, the rules of the
     * API's retry); a refusal is shown on the page, {@code 409}.
     */
    @PostMapping("/console/announcements/{id}/deliveries/{deliveryId}/resend")
    ModelAndView resend(@PathVariable UUID id, @PathVariable UUID deliveryId, Model model) {
        Resends.Result result = this.resends.resend(deliveryId, id);
        if (result instanceof Resends.Result.Requeued) {
            RedirectView redirect = new RedirectView("/console/announcements/" + id + "?resent", true, false);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            redirect.setExposeModelAttributes(false);
            return new ModelAndView(redirect);
        }
        String reason = (result instanceof Resends.Result.Refused refused) ? refused.reason()
                : "This announcement has no such delivery";
        model.addAttribute("resent", false);
        model.addAttribute("resendRefused", "Not sent again: " + reason + ".");
        String view = announcementPage(id, model);
        return new ModelAndView(view, model.asMap(),
                (result instanceof Resends.Result.NotFound) ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
    }

    @PostMapping("/console/announcements/{id}/approve")
    ResponseEntity<Void> approve(@PathVariable UUID id) {
        if (this.holds.approve(id)) {
            this.dispatcher.wake();
        }
        return seeOther("/console/announcements/" + id);
    }

    @PostMapping("/console/announcements/{id}/cancel")
    ResponseEntity<Void> cancel(@PathVariable UUID id) {
        this.holds.cancel(id);
        return seeOther("/console/announcements/" + id);
    }

    @GetMapping("/console/health")
    String health(Model model) {
        model.addAttribute("channels", this.queries.channelHealth());
        model.addAttribute("endpoints", this.queries.failingEndpoints());
        model.addAttribute("chart", DeliveryChart.svg(this.queries.sentPerMinute(60)));
        model.addAttribute("held", this.holds.waiting());
        model.addAttribute("deadLetters", this.deadLetters.read(LATEST_DEAD_LETTERS));
        model.addAttribute("sending", this.pause.state());
        return "console/health";
    }

    @PostMapping("/console/sending/pause")
    ResponseEntity<Void> pause() {
        this.pause.pause();
        return seeOther("/console/health");
    }

    @PostMapping("/console/sending/resume")
    ResponseEntity<Void> resume() {
        this.pause.resume();
        return seeOther("/console/health");
    }

    /**
     * A redirect to a path on the same origin, kept relative: behind the front door the
     * service's own host and port must not leak into the Location.
     */
    private static ResponseEntity<Void> seeOther(String path) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, path).build();
    }

}
