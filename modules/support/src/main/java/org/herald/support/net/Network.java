package org.herald.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A block of IP addresses in CIDR notation, {@code 10.0.0.0/8} or {@code fc00::/7}; a
 * bare address is a block of one.
 */
public final class Network {

    private final byte[] address;

    private final int prefix;

    private final String text;

    private Network(byte[] address, int prefix, String text) {
        this.address = address;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Reads {@code 192.168.0.0/16}, {@code ::1/128} or a bare address. Only literal
     * addresses: no name is looked up.
     * @throws IllegalArgumentException if it is not a CIDR block
     */
    public static Network parse(String cidr) {
        String value = cidr.strip().toLowerCase(Locale.ROOT);
        int slash = value.indexOf('/');
        String host = (slash >= 0) ? value.substring(0, slash) : value;
        if (!host.contains(":") && !Hosts.isCanonicalIpv4(host)) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(host).getAddress(); // a literal: never a lookup
        }
        catch (UnknownHostException | SecurityException ex) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        if (host.contains(":") && bytes.length == 4) {
            throw new IllegalArgumentException("write IPv4-mapped blocks as IPv4: " + cidr);
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = (slash >= 0) ? Integer.parseInt(value.substring(slash + 1)) : bits;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix out of range: " + cidr);
        }
        return new Network(bytes, prefix, value);
    }

    public boolean contains(InetAddress candidate) {
        byte[] bytes = candidate.getAddress();
        if (bytes.length != this.address.length) {
            return false;
        }
        int whole = this.prefix / 8;
        if (!Arrays.equals(bytes, 0, whole, this.address, 0, whole)) {
            return false;
        }
        int rest = this.prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (this.address[whole] & mask);
    }

    @Override
    public String toString() {
        return this.text;
    }

}
