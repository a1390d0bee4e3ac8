package org.herald.notifier.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;

import javax.net.SocketFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP sockets with {@code TCP_NODELAY}. Jakarta Mail writes a message in several small
 * writes (headers, each MIME part, the final {@code .}); with Nagle's algorithm on, each
 * small write after the first waits for the server's delayed ACK (about 40 ms on Linux),
 * so one connection sent about 20 multipart emails a second into a local sink that takes
 * thousands (docs/performance.md). Installed as {@code mail.smtp.socketFactory} unless a
 * socket factory or implicit TLS ({@code mail.smtp.ssl.enable}) is configured; STARTTLS
 * layers TLS over these sockets and keeps the option.
 */
final class NoDelaySockets extends SocketFactory {

    static final String PROPERTY = "mail.smtp.socketFactory";

    /**
     * Sets the factory on {@code mail}'s properties, unless they choose sockets already.
     */
    static void install(JavaMailSenderImpl mail) {
        Properties properties = mail.getJavaMailProperties();
        boolean chosen = properties.containsKey(PROPERTY) || properties.containsKey(PROPERTY + ".class")
                || Boolean.parseBoolean(properties.getProperty("mail.smtp.ssl.enable"))
                || (mail.getProtocol() != null && !"smtp".equals(mail.getProtocol()));
        if (!chosen) {
            Properties copy = new Properties();
            copy.putAll(properties);
            copy.put(PROPERTY, new NoDelaySockets());
            mail.setJavaMailProperties(copy); // drops a session made before, if any
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, @Nullable InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        }
        catch (IOException ex) {
            socket.close();
            throw ex;
        }
    }

    @Override
    public String toString() {
        return "NoDelaySockets";
    }

}
