package org.herald.publisher.feed;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;

/**
 * Each tick, claims the sources that are due and polls them one after another; the
 * configured seeds are added before the first tick.
 */
class SourceScheduler {

    private static final Log logger = LogFactory.getLog(SourceScheduler.class);

    private static final int BATCH = 10;

    private final Sources sources;

    private final SourcePoller poller;

    private final SourceSeeds seeds;

    private final Clock clock;

    private volatile boolean seeded;

    SourceScheduler(Sources sources, SourcePoller poller, SourceSeeds seeds, Clock clock) {
        this.sources = sources;
        this.poller = poller;
        this.seeds = seeds;
        this.clock = clock;
    }

    /** Polls every source due now; never throws. */
    void pollDue() {
        try {
            if (!this.seeded) {
                this.seeds.seed();
                this.seeded = true;
            }
            List<Source> due;
            do {
                due = this.sources.claimDue(this.clock.instant(), BATCH);
                due.forEach(this.poller::poll);
            }
            while (due.size() == BATCH);
        }
        catch (DataAccessException ex) {
            logger.warn("Could not look for due sources: " + ex.getMessage());
        }
    }

}
