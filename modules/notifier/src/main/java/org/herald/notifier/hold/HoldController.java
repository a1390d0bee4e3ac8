package org.herald.notifier.hold;

import java.util.List;
import java.util.UUID;

import org.herald.notifier.delivery.Dispatcher;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of the gates: approve or cancel a held fan-out, list what is held, pause
 * and resume all sending.
 */
@RestController
class HoldController {

    private final Holds holds;

    private final SendingPause pause;

    private final Dispatcher dispatcher;

    HoldController(Holds holds, SendingPause pause, Dispatcher dispatcher) {
        this.holds = holds;
        this.pause = pause;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/api/v1/holds")
    List<Holds.Hold> waiting() {
        return this.holds.waiting();
    }

    @PostMapping("/api/v1/announcements/{id}/approve")
    Holds.Hold approve(@PathVariable UUID id) {
        if (!this.holds.approve(id)) {
            throw notHeld(id);
        }
        this.dispatcher.wake();
        return this.holds.find(id).orElseThrow();
    }

    @PostMapping("/api/v1/announcements/{id}/cancel")
    Holds.Hold cancel(@PathVariable UUID id) {
        if (!this.holds.cancel(id)) {
            throw notHeld(id);
        }
        return this.holds.find(id).orElseThrow();
    }

    @GetMapping("/api/v1/sending")
    SendingPause.State sending() {
        return this.pause.state();
    }

    @PostMapping("/api/v1/sending/pause")
    SendingPause.State pause() {
        return this.pause.pause();
    }

    @PostMapping("/api/v1/sending/resume")
    SendingPause.State resume() {
        return this.pause.resume();
    }

    private ErrorResponseException notHeld(UUID id) {
        String detail = this.holds.find(id)
            .map((hold) -> "Announcement " + id + "'s fan-out is not held: it was " + hold.state())
            .orElse("Announcement " + id + " has no held fan-out");
        HttpStatus status = this.holds.find(id).isPresent() ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND;
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

}
