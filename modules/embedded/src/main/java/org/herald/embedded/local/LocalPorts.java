package org.herald.embedded.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Chooses the ports of the embedded servers and remembers them in
 * {@code <data-dir>/ports.properties}, so a restart listens where the last run did while
 * that port is still free, and a tool pointed at the app (psql, a Kafka CLI, a mail
 * client) keeps working.
 */
public final class LocalPorts {

    /** The file, in the data directory, that remembers the chosen ports. */
    public static final String FILE_NAME = "ports.properties";

    private static final Object LOCK = new Object();

    private final Path file;

    /**
     * @param dataDirectory the Herald data directory
     */
    public LocalPorts(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    /**
     * The port for {@code name}: {@code configured} when positive; else the remembered
     * one when still free; else a free one, remembered for next time.
     */
    public int choose(String name, int configured) {
        if (configured > 0) {
            return configured;
        }
        synchronized (LOCK) {
            Properties ports = read();
            String remembered = ports.getProperty(name);
            if (remembered != null && isFree(Integer.parseInt(remembered.strip()))) {
                return Integer.parseInt(remembered.strip());
            }
            int port = freePort();
            ports.setProperty(name, Integer.toString(port));
            write(ports);
            return port;
        }
    }

    /** Whether nothing listens on {@code port} on any local address. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free local port", ex);
        }
    }

    private Properties read() {
        Properties ports = new Properties();
        if (Files.isRegularFile(this.file)) {
            try (InputStream in = Files.newInputStream(this.file)) {
                ports.load(in);
            }
            catch (IOException | IllegalArgumentException ex) {
                // An unreadable file only costs the remembered ports.
                ports.clear();
            }
        }
        return ports;
    }

    private void write(Properties ports) {
        try {
            Files.createDirectories(this.file.getParent());
            Path temporary = this.file.resolveSibling(FILE_NAME + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                ports.store(out, "Ports of Herald's embedded servers, reused while free");
            }
            Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write " + this.file, ex);
        }
    }

}
