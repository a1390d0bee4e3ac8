package org.herald.notifier.delivery;

import java.util.EnumMap;
import java.util.Map;

/**
 * The retry schedule of each channel.
 */
public final class RetrySchedules {

    private final Map<Channel, RetrySchedule> schedules;

    private final RetrySchedule fallback;

    public RetrySchedules(RetrySchedule fallback, Map<Channel, RetrySchedule> schedules) {
        this.fallback = fallback;
        this.schedules = new EnumMap<>(Channel.class);
        this.schedules.putAll(schedules);
    }

    public RetrySchedule of(Channel channel) {
        return this.schedules.getOrDefault(channel, this.fallback);
    }

    @Override
    public String toString() {
        return "RetrySchedules[default=" + this.fallback + ", " + this.schedules + "]";
    }

}
