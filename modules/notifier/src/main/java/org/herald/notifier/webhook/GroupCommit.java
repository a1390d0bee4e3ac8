package org.herald.notifier.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Writes items a batch at a time (group commit), as the ledger's sent marks are: a
 * thread's item joins the batch being gathered; while one batch is written, the next
 * gathers, and the first thread to find the writer free writes it in one transaction.
 * Each thread returns only once its own item is written, so nothing is acknowledged that
 * is not committed; there are simply far fewer commits (each waits for the disk) when
 * many sends finish at once.
 *
 * @param <T> what is written
 */
final class GroupCommit<T> {

    private final Consumer<List<T>> writer;

    private final Object lock = new Object();

    private List<Entry<T>> gathering = new ArrayList<>();

    private boolean writing;

    /**
     * @param writer writes a batch in one transaction, or throws
     */
    GroupCommit(Consumer<List<T>> writer) {
        this.writer = writer;
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
            while (this.writing && !mine.done) {
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
            this.writing = true;
            batch = this.gathering;
            this.gathering = new ArrayList<>();
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
                this.writing = false;
                this.lock.notifyAll();
            }
        }
        mine.result();
    }

    private static final class Entry<T> {

        private final T item;

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
