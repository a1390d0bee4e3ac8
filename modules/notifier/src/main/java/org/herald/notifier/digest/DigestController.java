package org.herald.notifier.digest;

import java.time.Clock;
import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.herald.notifier.member.Frequency;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the current digest period now, for operators and tests. The period keeps its name
 * (its scheduled end), so the scheduled run at that time sends nothing to members who got
 * this one, and a repeat sends nothing at all.
 */
@RestController
class DigestController {

    private final DigestRun run;

    private final DigestPeriods periods;

    private final Clock clock;

    DigestController(DigestRun run, DigestPeriods periods) {
        this.run = run;
        this.periods = periods;
        this.clock = Clock.systemUTC();
    }

    @PostMapping("/api/v1/digests/run")
    RunResult run(@RequestParam @NotNull @Pattern(regexp = "daily|weekly",
            message = "must be daily or weekly") String frequency) {
        Frequency which = Frequency.of(frequency);
        Instant now = this.clock.instant();
        Instant periodEnd = this.periods.currentPeriodEnd(which, now).orElse(now);
        return new RunResult(frequency, periodEnd, this.run.run(which, periodEnd));
    }

    /**
     * What a run did.
     *
     * @param frequency daily or weekly
     * @param periodEnd the end of the period it ran, which names it
     * @param sent how many digests this run sent
     */
    record RunResult(String frequency, Instant periodEnd, int sent) {
    }

}
