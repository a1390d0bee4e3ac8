package org.herald.publisher.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.herald.support.net.AddressGuard;
import org.jspecify.annotations.Nullable;

/**
 * Source URLs as staff write them: GOV.UK's search URLs carry unencoded brackets
 * ({@code organisations[]=...}), which {@link URI} refuses, so the characters a browser
 * would encode are encoded first; then the URL must be absolute http(s), without user
 * information or fragment, and admitted by the SSRF guard.
 */
final class SourceUrls {

    private static final String ENCODED = " \"<>[]{}|\\^`";

    private SourceUrls() {
    }

    /**
     * {@code url} as a URI, or why it cannot be a source URL.
     */
    static Parsed parse(String url, AddressGuard guard) {
        StringBuilder encoded = new StringBuilder();
        for (char c : url.strip().toCharArray()) {
            if (ENCODED.indexOf(c) >= 0) {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
            else {
                encoded.append(c);
            }
        }
        URI uri;
        try {
            uri = new URI(encoded.toString());
        }
        catch (URISyntaxException ex) {
            return Parsed.refused("must be an absolute http or https URL");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
            return Parsed.refused("must be an absolute http or https URL");
        }
        Optional<String> refusal = guard.refusal(uri);
        if (refusal.isPresent()) {
            return Parsed.refused("is refused: " + refusal.get());
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Parsed.refused("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Parsed.refused("must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Parsed.refused("must not contain a fragment");
        }
        return new Parsed(uri, null);
    }

    /**
     * A parsed source URL: the URI, or the refusal.
     */
    record Parsed(@Nullable URI uri, @Nullable String refusal) {

        static Parsed refused(String why) {
            return new Parsed(null, why);
        }

    }

}
