package org.herald.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * The id rule: an announcement's id is the name-based UUID (version 5, SHA-1) of its
 * canonical URL in the {@link #NAMESPACE} namespace, so the same page gets the same id
 * whichever system sends it.
 * <p>
 * The canonical URL is the URL with scheme {@code https}, the host in lower case, the
 * default port and any user info dropped, and no query, fragment or trailing slash.
 */
public final class AnnouncementIds {

    /**
     * The namespace of announcement ids. Never change it: every stored id depends on it.
     */
    public static final UUID NAMESPACE = UUID.fromString("b9840f3c-5f49-4a37-a25c-115e1859d09c");

    private AnnouncementIds() {
    }

    /**
     * The id of the announcement at {@code url}.
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL with
     * a host
     */
    public static UUID idFor(String url) {
        return nameBased(NAMESPACE, canonicalUrl(url));
    }

    /**
     * The canonical form of {@code url}: {@code https}, lower-case host, no user info,
     * default port, query, fragment or trailing slash.
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL with
     * a host
     */
    public static String canonicalUrl(String url) {
        URI uri = parse(url);
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must have a host");
        }
        StringBuilder canonical = new StringBuilder("https://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && port != 443 && port != 80) {
            canonical.append(':').append(port);
        }
        String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return canonical.append(path, 0, end).toString();
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        try {
            return new URI(url.strip());
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("is not a valid URL: " + ex.getReason());
        }
    }

    /** RFC 9562 section 5.5: version 5, name-based with SHA-1. */
    static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", ex);
        }
        sha1.update(ByteBuffer.allocate(16)
            .putLong(namespace.getMostSignificantBits())
            .putLong(namespace.getLeastSignificantBits())
            .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

}
