package org.herald.notifier.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Marks sent deliveries in the ledger a batch at a time (group commit): a worker whose
 * send succeeded joins the batch being gathered; while one batch is written, the next
 * gathers, and the first worker to find the ledger free writes it in one statement and
 * one commit ({@link DeliveryLedger#markSent(List)}). Each worker still returns only once
 * its own delivery is marked, so nothing about what a crash can repeat changes; there are
 * simply far fewer commits (each waits for the disk) when many sends finish at once.
 */
final class SentMarks {

    private final DeliveryLedger ledger;

    private final Object lock = new Object();

    private List<Mark> gathering = new ArrayList<>();

    private boolean writing;

    SentMarks(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Marks {@code claimed} sent, with whichever others are waiting.
     * @return false if its claim was lost to another dispatcher
     * @throws RuntimeException if the ledger could not be written (the delivery stays
     * claimed, and is reclaimed after the lease)
     */
    boolean markSent(Delivery claimed) {
        Mark mine = new Mark(claimed);
        List<Mark> batch;
        synchronized (this.lock) {
            this.gathering.add(mine);
            boolean interrupted = false;
            while (this.writing && !mine.done) {
                try {
                    this.lock.wait();
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                    // Not taken by a writer yet: leave the batch; the claim stays for the
                    // lease.
                    if (this.gathering.remove(mine)) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted before the delivery was marked sent", ex);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.done) {
                return mine.result();
            }
            this.writing = true;
            batch = this.gathering;
            this.gathering = new ArrayList<>();
        }
        try {
            Set<UUID> marked = this.ledger.markSent(batch.stream().map((mark) -> mark.delivery).toList());
            synchronized (this.lock) {
                batch.forEach((mark) -> mark.finish(marked.contains(mark.delivery.id()), null));
            }
        }
        catch (RuntimeException ex) {
            synchronized (this.lock) {
                batch.forEach((mark) -> mark.finish(false, ex));
            }
        }
        finally {
            synchronized (this.lock) {
                this.writing = false;
                this.lock.notifyAll();
            }
        }
        return mine.result();
    }

    private static final class Mark {

        private final Delivery delivery;

        private boolean done;

        private boolean marked;

        private @Nullable RuntimeException failure;

        Mark(Delivery delivery) {
            this.delivery = delivery;
        }

        void finish(boolean marked, @Nullable RuntimeException failure) {
            this.done = true;
            this.marked = marked;
            this.failure = failure;
        }

        boolean result() {
            if (this.failure != null) {
                throw this.failure;
            }
            return this.marked;
        }

    }

}
