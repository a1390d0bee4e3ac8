package org.herald.notifier.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * The total deadline of an SMTP send. The socket timeouts ({@code mail.smtp.timeout},
 * {@code writetimeout}) bound each read and write, not a send: a server that answers a
 * line at a time, each within the timeout, would hold a send, and its claim, for ever. So
 * every SMTP socket comes from here ({@code mail.smtp.socketFactory}), and a send that is
 * not done by its deadline has its socket closed under it: the blocked read or write
 * fails, and the delivery is retried long before its lease runs out. The write timeout is
 * taken off these sockets ({@link MailTransport}): the deadline bounds a send's writes.
 */
final class SendDeadlines extends SocketFactory implements AutoCloseable {

    private final Duration timeout;

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (runnable) -> {
        Thread thread = new Thread(runnable, "herald-smtp-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final ThreadLocal<Deadline> current = new ThreadLocal<>();

    SendDeadlines(Duration timeout) {
        this.timeout = timeout;
        // A send done in time cancels its deadline: taken off the queue then, not left
        // there until it would have run (a fan-out's thousands a second, each holding its
        // send's socket, for the whole timeout).
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** The deadlines waiting to expire: those of the sends still under way. */
    int waiting() {
        return this.timer.getQueue().size();
    }

    Duration timeout() {
        return this.timeout;
    }

    /**
     * Starts the deadline of a send made on this thread; the sockets this thread opens
     * until it is {@link Deadline#close() closed} belong to it.
     */
    Deadline start() {
        Deadline deadline = new Deadline();
        deadline.expiry = this.timer.schedule(deadline::expire, this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        this.current.set(deadline);
        return deadline;
    }

    @Override
    public Socket createSocket() {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
        }
        catch (java.net.SocketException ex) {
            // left with Nagle's algorithm: slower, not wrong
        }
        Deadline deadline = this.current.get();
        if (deadline != null) {
            deadline.attach(socket);
        }
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = createSocket();
        socket.connect(address);
        return socket;
    }

    @Override
    public void close() {
        this.timer.shutdownNow();
    }

    /** The deadline of one send. */
    final class Deadline implements AutoCloseable {

        private @Nullable Socket socket;

        private boolean expired;

        private @Nullable ScheduledFuture<?> expiry;

        /** The socket the send used, for the connection to keep; null for none. */
        synchronized @Nullable Socket socket() {
            return this.socket;
        }

        /** Whether the send ran out of time (its socket was closed under it). */
        synchronized boolean expired() {
            return this.expired;
        }

        /** Makes {@code socket} this send's: closed if the send runs out of time. */
        synchronized void attach(Socket socket) {
            this.socket = socket;
            if (this.expired) {
                closeQuietly(socket);
            }
        }

        private synchronized void expire() {
            this.expired = true;
            if (this.socket != null) {
                closeQuietly(this.socket);
            }
        }

        @Override
        public void close() {
            ScheduledFuture<?> pending = this.expiry;
            if (pending != null) {
                pending.cancel(false);
            }
            SendDeadlines.this.current.remove();
        }

    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // closing to break a stalled send: nothing more to do
        }
    }

}
