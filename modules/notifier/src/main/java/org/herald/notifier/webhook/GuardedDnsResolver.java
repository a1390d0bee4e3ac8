package org.herald.notifier.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host into addresses: through the
 * {@link EndpointGuard}, so the connection goes to an address that was checked, and a
 * refused one fails the request before a socket is opened. Never answers null (which the
 * client would take for "connect by name").
 */
final class GuardedDnsResolver implements DnsResolver {

    private final EndpointGuard guard;

    GuardedDnsResolver(EndpointGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return this.guard.resolve(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(this.guard.resolve(host)).map((address) -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

}
