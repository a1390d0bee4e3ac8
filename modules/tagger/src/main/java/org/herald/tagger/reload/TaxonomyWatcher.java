package org.herald.tagger.reload;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Reloads the taxonomy file every {@code herald.tagger.reload-interval} while the tagger
 * runs, so an edited file takes effect without a restart. A file whose content is
 * unchanged costs one read and a hash; an invalid one is reported once (per content) and
 * the taxonomy in use stays.
 */
public final class TaxonomyWatcher implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(TaxonomyWatcher.class);

    private final TaxonomyReloading reloading;

    private final ScheduledExecutorService executor;

    private String lastFailure;

    /**
     * Starts watching, first check one {@code interval} from now; an interval of zero
     * watches nothing (the file is then reloaded only on demand).
     */
    public TaxonomyWatcher(TaxonomyReloading reloading, Duration interval) {
        this.reloading = Objects.requireNonNull(reloading, "reloading");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The reload interval must not be negative, was " + interval);
        }
        if (interval.isZero()) {
            this.executor = null;
            return;
        }
        this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "herald-taxonomy-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        this.executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
        logger.info("Watching taxonomy " + reloading.description() + " every " + interval);
    }

    void check() {
        try {
            this.reloading.reload();
            this.lastFailure = null;
        }
        catch (RuntimeException ex) {
            if (!Objects.equals(ex.getMessage(), this.lastFailure)) {
                logger.warn("Taxonomy not reloaded, still using version " + this.reloading.version() + ": "
                        + ex.getMessage());
                this.lastFailure = ex.getMessage();
            }
        }
    }

    @Override
    public void close() {
        if (this.executor != null) {
            this.executor.shutdownNow();
        }
    }

}
