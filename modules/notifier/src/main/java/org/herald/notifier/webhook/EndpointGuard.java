package org.herald.notifier.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.herald.notifier.partner.EndpointRules;
import org.herald.support.net.AddressGuard;
import org.herald.support.net.AddressGuard.Lookup;
import org.herald.support.net.Hosts;
import org.herald.support.net.Network;
import org.herald.support.net.RefusedAddressException;

/**
 * The guard against server-side request forgery: webhooks go only to http(s) URLs (https
 * alone when required) whose host resolves, every address of it, outside loopback,
 * private, link-local, multicast, unspecified, carrier-grade NAT, reserved and
 * cloud-metadata networks — IPv6 addresses that embed an IPv4 one (mapped, compatible,
 * NAT64, 6to4) are judged by it — unless the allowed networks admit them. Every address a
 * name resolves to is checked; the refused ones are dropped, and a name left with none is
 * refused. Numeric IPv4 hosts other than the dotted quad ({@code 2130706433},
 * {@code 0x7f.1}) are refused outright.
 * <p>
 * {@link #resolve} is what the HTTP client connects through, so the address checked is
 * the address used: a name that resolves to a public address when registered and to an
 * internal one later is refused at the send.
 * <p>
 * The checks of an address and of a host's spelling are {@link AddressGuard}'s and
 * {@link Hosts}'s, shared with the publisher; this class words the refusals for webhooks,
 * naming the notifier's configuration keys.
 */
final class EndpointGuard implements EndpointRules {

    private static final String ALLOWED_NETWORKS = "herald.notifier.webhooks.allowed-networks";

    private final List<Network> allowed;

    private final boolean requireHttps;

    private final AddressGuard addresses;

    /**
     * @param allowed networks admitted even if refused otherwise
     * @param requireHttps whether plain http is refused
     * @param lookup how names are resolved (the system's resolver, but for tests)
     */
    EndpointGuard(List<Network> allowed, boolean requireHttps, Lookup lookup) {
        this.allowed = List.copyOf(allowed);
        this.requireHttps = requireHttps;
        this.addresses = new AddressGuard(allowed, requireHttps, lookup, ALLOWED_NETWORKS);
    }

    static EndpointGuard of(List<String> allowedNetworks, boolean requireHttps) {
        return new EndpointGuard(allowedNetworks.stream().map(Network::parse).toList(), requireHttps,
                InetAddress::getAllByName);
    }

    /**
     * For registration: the URL's scheme and host, and the addresses its host resolves to
     * now. A host that does not resolve yet is let through (the send checks again).
     */
    @Override
    public Optional<String> refusal(URI url) {
        try {
            checkUrl(url);
            resolve(Hosts.hostOf(url));
            return Optional.empty();
        }
        catch (RefusedEndpointException ex) {
            return Optional.of(ex.getMessage());
        }
        catch (UnknownHostException ex) {
            return Optional.empty();
        }
    }

    /** Checks the scheme, and that the host is not an ambiguous numeric spelling. */
    void checkUrl(URI url) throws RefusedEndpointException {
        String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("https") && !(scheme.equals("http") && !this.requireHttps)) {
            throw new RefusedEndpointException((this.requireHttps ? "only https" : "only http and https")
                    + " endpoints are allowed, not " + (scheme.isEmpty() ? "no scheme" : scheme)
                    + (this.requireHttps ? " (herald.notifier.webhooks.require-https)" : ""));
        }
        String host = Hosts.hostOf(url);
        if (host == null) {
            throw new RefusedEndpointException("the URL has no host");
        }
        checkSpelling(host);
    }

    /**
     * Resolves {@code host} and checks every address ({@link AddressGuard#resolve}, its
     * refusal worded for webhooks).
     * @return the addresses the guard admits, in the resolver's order; only these may be
     * connected to
     * @throws RefusedEndpointException if the host is spelled ambiguously, or the guard
     * refuses every address it resolves to
     * @throws UnknownHostException if it does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException {
        checkSpelling(host);
        try {
            return this.addresses.resolve(host);
        }
        catch (RefusedAddressException ex) {
            // AddressGuard's refusal, worded for webhooks.
            throw new RefusedEndpointException(
                    ex.getMessage().replace("; it is refused unless", "; webhooks to it are refused unless"));
        }
    }

    /** Why {@code address} is refused, or empty if it is admitted. */
    Optional<String> refusal(InetAddress address) {
        return this.addresses.refusal(address);
    }

    private static void checkSpelling(String host) throws RefusedEndpointException {
        if (Hosts.isAmbiguousIpv4(host)) {
            throw new RefusedEndpointException(host + " is a numeric host that is not a dotted-quad IPv4 address "
                    + "(decimal, octal or hex spellings are refused)");
        }
    }

    @Override
    public String toString() {
        return "EndpointGuard[allowed=" + this.allowed + ", requireHttps=" + this.requireHttps + "]";
    }

}
