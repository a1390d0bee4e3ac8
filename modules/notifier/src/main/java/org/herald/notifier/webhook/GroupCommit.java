package org.herald.notifier.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Writes items a batch at a time (group commit), as the ledger's sent marks are: a
 * thread's item joins the batch being gathered; while {@code writers} batches are
 * written, the next gathers, and the first thread to find a writer free writes it in one
 * transaction. Each thread returns only once its own item is written, so nothing is
 * acknowledged that is not committed; there are simply far fewer commits (each waits for
 * the disk) when many sends finish at once. More than one writer lets the batches'
 * commits overlap, so an item waits for about one commit, not for the batch ahead of it
 * too: a single writer made every commit's round trips, on a busy database, a queue that
 * all the sends waited in.
 *
 * @param <T> what is written
 */
final class GroupCommit<T> {

    private final Consumer<List<T>> writer;

    private final int writers;

    private final Object lock = new Object();

    private List<Entry<T>> gathering = new ArrayList<>();

    /** Batches being written. */
    private int writing;

    /**
     * @param writer writes a batch in one transaction, or throws
     */
    GroupCommit(Consumer<List<T>> writer) {
        this(writer, 1);
    }

    /**
     * @param writer writes a batch in one transaction, or throws; called from up to
     * {@code writers} threads at once, with batches that share no item
     * @param writers how many batches may be written at once
     */
    GroupCommit(Consumer<List<T>> writer, int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("writers must be at least 1, not " + writers);
        }
        this.writer = writer;
        this.writers = writers;
    }

    /**
     * Writes {@code item}, with whichever others are waiting.
     * @throws RuntimeException if the batch could not be written
     */
    void write(T item) {
        Entry<T> mine = new Entry<>(item);
        List<Entry<T>> batch;
        synchronized (this.lock) {
            this.gathering.add(mine);
            boolean interrupted = false;
            // Wait while the item is in a batch being written (another thread's), or
            // for a writer to be free.
            while (!mine.done && (mine.taken || this.writing >= this.writers)) {
                try {
                    this.lock.wait();
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                    if (this.gathering.remove(mine)) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted before it was written", ex);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.done) {
                mine.result();
                return;
            }
            this.writing++;
            batch = this.gathering;
            this.gathering = new ArrayList<>();
            batch.forEach((entry) -> entry.taken = true);
        }
        RuntimeException failure = null;
        try {
            this.writer.accept(batch.stream().map((entry) -> entry.item).toList());
        }
        catch (RuntimeException ex) {
            failure = ex;
        }
        finally {
            synchronized (this.lock) {
                for (Entry<T> entry : batch) {
                    entry.done = true;
                    entry.failure = failure;
                }
                this.writing--;
                this.lock.notifyAll();
            }
        }
        mine.result();
    }

    private static final class Entry<T> {

        private final T item;

        /** In a batch being written. */
        private boolean taken;

        private boolean done;

        private @Nullable RuntimeException failure;

        Entry(T item) {
            this.item = item;
        }

        void result() {
            if (this.failure != null) {
                throw this.failure;
            }
        }

    }

}
