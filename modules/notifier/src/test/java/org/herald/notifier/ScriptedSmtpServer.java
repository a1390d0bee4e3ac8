package org.herald.notifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small real SMTP server for the failure cases GreenMail cannot script: it speaks SMTP
 * over a socket on a free port and answers each {@code RCPT TO} as the test says (250,
 * 451, 550...). Counts connections and keeps the messages it accepted. A JUnit 5
 * extension that closes it after the test class.
 */
public final class ScriptedSmtpServer implements ContextProperties, AfterAllCallback, AutoCloseable {

    private final ServerSocket socket;

    private final AtomicInteger connections = new AtomicInteger();

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final Map<String, AtomicInteger> rcptAttempts = new ConcurrentHashMap<>();

    private volatile Function<String, String> rcptReply = (address) -> "250 OK";

    private final AtomicInteger stalls = new AtomicInteger();

    private final AtomicInteger floods = new AtomicInteger();

    private final AtomicInteger deaf = new AtomicInteger();

    public ScriptedSmtpServer() {
        try {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return this.socket.getLocalPort();
    }

    @Override
    public Map<String, Supplier<Object>> properties() {
        return Map.of("spring.mail.host", () -> "127.0.0.1", "spring.mail.port", this::port);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /**
     * How the server answers {@code RCPT TO:<address>} (lower case): a full reply line,
     * e.g. {@code 550 5.1.1 No}.
     */
    public void onRcpt(Function<String, String> reply) {
        this.rcptReply = reply;
    }

    /**
     * Stalls the next {@code count} messages mid-DATA: the message is read, then its
     * reply never ends — a {@code 250-} continuation line every 200 ms, each well within
     * any read timeout — until the client hangs up.
     */
    public void stallAfterData(int count) {
        this.stalls.set(count);
    }

    /**
     * Answers the next {@code count} messages with a reply line that never ends: bytes
     * without a line break, as fast as the client reads them, until it hangs up (a broken
     * or hostile server; the client's line buffer grows until its heap is spent).
     */
    public void floodAfterData(int count) {
        this.floods.set(count);
    }

    /**
     * Answers the next {@code count} DATA commands with 354 and then reads nothing more,
     * holding the connection open until the server is closed (a server that stopped
     * reading): a message larger than the sockets' buffers leaves the client blocked in a
     * write.
     */
    public void stopReadingAtData(int count) {
        this.deaf.set(count);
    }

    /** How many times {@code address} was offered in a RCPT. */
    public int rcptAttempts(String address) {
        AtomicInteger count = this.rcptAttempts.get(address.toLowerCase(Locale.ROOT));
        return (count != null) ? count.get() : 0;
    }

    public int connections() {
        return this.connections.get();
    }

    public List<Received> received() {
        return List.copyOf(this.received);
    }

    public List<Received> receivedBy(String address) {
        return this.received.stream()
            .filter((message) -> message.recipients().contains(address.toLowerCase(Locale.ROOT)))
            .toList();
    }

    private void accept() {
        while (!this.socket.isClosed()) {
            try {
                Socket client = this.socket.accept();
                this.connections.incrementAndGet();
                Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 scripted.test ESMTP");
            List<String> recipients = new CopyOnWriteArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-scripted.test\r\n250 8BITMIME");
                }
                else if (command.startsWith("HELO") || command.startsWith("NOOP")) {
                    reply(out, "250 OK");
                }
                else if (command.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 OK");
                }
                else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                    this.rcptAttempts.computeIfAbsent(address, (key) -> new AtomicInteger()).incrementAndGet();
                    String answer = this.rcptReply.apply(address);
                    if (answer.startsWith("2")) {
                        recipients.add(address);
                    }
                    reply(out, answer);
                }
                else if (command.equals("DATA")) {
                    if (recipients.isEmpty()) {
                        reply(out, "503 No valid recipients");
                        continue;
                    }
                    reply(out, "354 Go ahead");
                    if (this.deaf.getAndUpdate((left) -> Math.max(left - 1, 0)) > 0) {
                        holdUnread();
                        return;
                    }
                    StringBuilder data = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                    }
                    if (this.floods.getAndUpdate((left) -> Math.max(left - 1, 0)) > 0) {
                        flood(out);
                        return;
                    }
                    if (this.stalls.getAndUpdate((left) -> Math.max(left - 1, 0)) > 0) {
                        stall(out);
                        return;
                    }
                    this.received.add(new Received(List.copyOf(recipients), data.toString(), System.nanoTime()));
                    recipients.clear();
                    reply(out, "250 Accepted");
                }
                else if (command.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 OK");
                }
                else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                }
                else {
                    reply(out, "502 Not implemented");
                }
            }
        }
        catch (SocketException ex) {
            // the client went away
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void flood(OutputStream out) throws IOException {
        byte[] chunk = "250 ".concat("x".repeat(65_532)).getBytes(StandardCharsets.US_ASCII);
        out.write(chunk, 0, 4);
        while (true) {
            out.write(chunk, 4, chunk.length - 4);
        }
    }

    /** Holds the connection, reading nothing, until the server is closed. */
    private void holdUnread() {
        while (!this.socket.isClosed()) {
            try {
                Thread.sleep(100); // the deaf server's pace, not a wait of the test
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void stall(OutputStream out) throws IOException {
        while (true) {
            reply(out, "250-still working");
            try {
                Thread.sleep(200); // the stalling server's pace, not a wait of the test
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }

    /**
     * A message the server accepted.
     *
     * @param recipients the accepted recipients, lower case
     * @param data the message as it came, headers and body
     * @param arrivedAt {@link System#nanoTime()} when it was accepted
     */
    public record Received(List<String> recipients, String data, long arrivedAt) {
    }

}
