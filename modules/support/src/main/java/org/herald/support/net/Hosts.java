package org.herald.support.net;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How host names are spelled: numeric spellings of IPv4 addresses other than the
 * canonical dotted quad ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1},
 * {@code 127.1}) are read differently by different parsers, so they are refused outright
 * rather than interpreted.
 */
public final class Hosts {

    private static final Pattern NUMERIC_LABEL = Pattern.compile("0x[0-9a-f]*|[0-9]+");

    private static final Pattern CANONICAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    private Hosts() {
    }

    /**
     * Whether every label of {@code host} is a number (decimal, octal or hex), as in an
     * IPv4 address.
     */
    public static boolean looksNumeric(String host) {
        String value = withoutTrailingDot(host.toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!NUMERIC_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code host} is an IPv4 address written as four decimal octets without
     * leading zeros.
     */
    public static boolean isCanonicalIpv4(String host) {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!CANONICAL_OCTET.matcher(octet).matches() || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code host} is a numeric IPv4 spelling other than the canonical dotted
     * quad.
     */
    public static boolean isAmbiguousIpv4(String host) {
        return looksNumeric(host) && !isCanonicalIpv4(host);
    }

    /**
     * The host of {@code url}: {@link URI#getHost()}, or, where {@code URI} finds no host
     * name in the authority (as for {@code 0x7f.1}, whose last label is not a name), the
     * authority without user and port.
     */
    public static @Nullable String hostOf(URI url) {
        if (url.getHost() != null) {
            return url.getHost();
        }
        String authority = url.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return host.isEmpty() ? null : host;
    }

    /** {@code host} without the brackets of an IPv6 literal. */
    public static String unbracketed(String host) {
        return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
    }

    private static String withoutTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

}
