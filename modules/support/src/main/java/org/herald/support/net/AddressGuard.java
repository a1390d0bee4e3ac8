package org.herald.support.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The guard against server-side request forgery, shared by every service that fetches or
 * calls a URL someone configured: only http(s) URLs (https alone when required) whose
 * host resolves, every address of it, outside loopback, private, link-local, multicast,
 * unspecified, carrier-grade NAT, reserved and cloud-metadata networks — IPv6 addresses
 * that embed an IPv4 one (mapped, compatible, NAT64, 6to4) are judged by it — unless the
 * allowed networks admit them. Every address a name resolves to is checked; the refused
 * ones are dropped, and a name left with none is refused. Numeric IPv4 hosts other than
 * the dotted quad ({@code 2130706433}, {@code 0x7f.1}) are refused outright.
 * <p>
 * {@link #resolve} is what the HTTP client connects through, so the address checked is
 * the address used: a name that resolves to a public address when registered and to an
 * internal one later is refused at the send.
 */
public final class AddressGuard {

    private static final List<Refused> REFUSED = List.of(new Refused("0.0.0.0/8", "an unspecified address"),
            new Refused("10.0.0.0/8", "a private address"), new Refused("100.64.0.0/10", "a carrier-grade NAT address"),
            new Refused("127.0.0.0/8", "a loopback address"),
            new Refused("169.254.169.254/32", "the cloud metadata address"),
            new Refused("169.254.0.0/16", "a link-local address"), new Refused("172.16.0.0/12", "a private address"),
            new Refused("192.0.0.0/24", "an IETF protocol address"),
            new Refused("192.0.2.0/24", "a documentation address"), new Refused("192.168.0.0/16", "a private address"),
            new Refused("198.18.0.0/15", "a benchmarking address"),
            new Refused("198.51.100.0/24", "a documentation address"),
            new Refused("203.0.113.0/24", "a documentation address"), new Refused("224.0.0.0/4", "a multicast address"),
            new Refused("240.0.0.0/4", "a reserved address"), new Refused("::/128", "an unspecified address"),
            new Refused("::1/128", "a loopback address"),
            new Refused("fd00:ec2::254/128", "the cloud metadata address"),
            new Refused("fc00::/7", "a private (unique local) address"),
            new Refused("fe80::/10", "a link-local address"), new Refused("fec0::/10", "a site-local address"),
            new Refused("ff00::/8", "a multicast address"), new Refused("2001:db8::/32", "a documentation address"));

    private final List<Network> allowed;

    private final boolean requireHttps;

    private final Lookup lookup;

    private final String allowedProperty;

    /**
     * @param allowed networks admitted even if refused otherwise
     * @param requireHttps whether plain http is refused
     * @param lookup how names are resolved (the system's resolver, but for tests)
     * @param allowedProperty the configuration key that lists the allowed networks, named
     * in refusals
     */
    public AddressGuard(List<Network> allowed, boolean requireHttps, Lookup lookup, String allowedProperty) {
        this.allowed = List.copyOf(allowed);
        this.requireHttps = requireHttps;
        this.lookup = lookup;
        this.allowedProperty = allowedProperty;
    }

    /**
     * A guard resolving through the system's resolver.
     * @param allowedNetworks CIDR blocks admitted even if refused otherwise
     * @param allowedProperty the configuration key that lists them
     */
    public static AddressGuard of(List<String> allowedNetworks, boolean requireHttps, String allowedProperty) {
        return new AddressGuard(allowedNetworks.stream().map(Network::parse).toList(), requireHttps,
                InetAddress::getAllByName, allowedProperty);
    }

    /**
     * For registration: the URL's scheme and host, and the addresses its host resolves to
     * now. A host that does not resolve yet is let through (the fetch or send, resolving
     * through {@link #resolve}, checks again).
     */
    public Optional<String> refusal(URI url) {
        try {
            checkUrl(url);
            resolve(Hosts.hostOf(url));
            return Optional.empty();
        }
        catch (RefusedAddressException ex) {
            return Optional.of(ex.getMessage());
        }
        catch (UnknownHostException ex) {
            return Optional.empty();
        }
    }

    /** Checks the scheme, and that the host is not an ambiguous numeric spelling. */
    public void checkUrl(URI url) throws RefusedAddressException {
        String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("https") && !(scheme.equals("http") && !this.requireHttps)) {
            throw new RefusedAddressException((this.requireHttps ? "only https" : "only http and https")
                    + " URLs are allowed, not " + (scheme.isEmpty() ? "no scheme" : scheme));
        }
        String host = Hosts.hostOf(url);
        if (host == null) {
            throw new RefusedAddressException("the URL has no host");
        }
        checkSpelling(host);
    }

    /**
     * Resolves {@code host} and checks every address.
     * @return the addresses the guard admits, in the resolver's order; only these may be
     * connected to
     * @throws RefusedAddressException if the host is spelled ambiguously, or the guard
     * refuses every address it resolves to
     * @throws UnknownHostException if it does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        checkSpelling(host);
        String name = Hosts.unbracketed(host);
        InetAddress[] addresses = this.lookup.resolve(name);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(name);
        }
        List<InetAddress> admitted = new ArrayList<>();
        @Nullable String firstRefusal = null;
        for (InetAddress address : addresses) {
            Optional<String> why = refusal(address);
            if (why.isEmpty()) {
                admitted.add(address);
            }
            else if (firstRefusal == null) {
                String resolved = name.equalsIgnoreCase(address.getHostAddress()) ? ""
                        : " (" + name + " resolves to " + address.getHostAddress() + ")";
                firstRefusal = address.getHostAddress() + " is " + why.get() + resolved;
            }
        }
        if (admitted.isEmpty()) {
            throw new RefusedAddressException(
                    firstRefusal + "; it is refused unless " + this.allowedProperty + " admits it");
        }
        return admitted.toArray(new InetAddress[0]);
    }

    /** Why {@code address} is refused, or empty if it is admitted. */
    public Optional<String> refusal(InetAddress address) {
        if (admitted(address)) {
            return Optional.empty();
        }
        for (Refused refused : REFUSED) {
            if (refused.network().contains(address)) {
                return Optional.of(refused.what() + " (" + refused.network() + ")");
            }
        }
        Optional<Inet4Address> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            if (admitted(embedded.get())) {
                return Optional.empty();
            }
            Optional<String> inner = refusal(embedded.get());
            if (inner.isPresent()) {
                return Optional.of(inner.get() + " inside an IPv6 address");
            }
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("an internal address");
        }
        return Optional.empty();
    }

    private boolean admitted(InetAddress address) {
        return this.allowed.stream().anyMatch((network) -> network.contains(address));
    }

    private static void checkSpelling(String host) throws RefusedAddressException {
        if (Hosts.isAmbiguousIpv4(host)) {
            throw new RefusedAddressException(host + " is a numeric host that is not a dotted-quad IPv4 address "
                    + "(decimal, octal or hex spellings are refused)");
        }
    }

    /**
     * The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or
     * 6to4 (2002::/16) one.
     */
    public static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        byte[] v4;
        if (allZero(bytes, 0, 10) && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff)
                || (bytes[10] == 0 && bytes[11] == 0 && !allZero(bytes, 12, 16)))) {
            v4 = Arrays.copyOfRange(bytes, 12, 16); // ::ffff:a.b.c.d and ::a.b.c.d
        }
        else if (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
                && allZero(bytes, 4, 12)) {
            v4 = Arrays.copyOfRange(bytes, 12, 16); // 64:ff9b::a.b.c.d
        }
        else if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            v4 = Arrays.copyOfRange(bytes, 2, 6); // 2002:aabb:ccdd::
        }
        else {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        }
        catch (UnknownHostException ex) {
            return Optional.empty();
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "AddressGuard[allowed=" + this.allowed + ", requireHttps=" + this.requireHttps + "]";
    }

    /** Resolves a name (or a literal address) to its addresses. */
    @FunctionalInterface
    public interface Lookup {

        public InetAddress[] resolve(String host) throws UnknownHostException;

    }

    private record Refused(Network network, String what) {

        Refused(String cidr, String what) {
            this(Network.parse(cidr), what);
        }

    }

}
