package org.herald.notifier.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.herald.notifier.member.Frequency;

import org.springframework.scheduling.support.CronExpression;

/**
 * The digest periods: a period ends at a scheduled time of its cron expression, in its
 * zone, and the next one begins. A period is named by its end.
 */
final class DigestPeriods {

    private final Optional<CronExpression> daily;

    private final Optional<CronExpression> weekly;

    private final ZoneId zone;

    DigestPeriods(String daily, String weekly, ZoneId zone) {
        this.daily = parse(daily);
        this.weekly = parse(weekly);
        this.zone = zone;
    }

    private static Optional<CronExpression> parse(String expression) {
        return expression.strip().equals("-") ? Optional.empty() : Optional.of(CronExpression.parse(expression));
    }

    /**
     * The end of the period of {@code frequency} open at {@code now}: the next scheduled
     * time after it. Empty when the frequency is never scheduled (its period then ends
     * whenever it is run).
     */
    Optional<Instant> currentPeriodEnd(Frequency frequency, Instant now) {
        Optional<CronExpression> cron = (frequency == Frequency.DAILY) ? this.daily : this.weekly;
        return cron.map((expression) -> expression.next(ZonedDateTime.ofInstant(now, this.zone)))
            .map(ZonedDateTime::toInstant);
    }

}
