package org.herald.support;

import org.springframework.core.env.PropertyResolver;

/**
 * Whether Herald runs in <em>local mode</em>: on a machine of one's own, with embedded
 * servers and published development keys allowed. {@code herald.local} decides; the
 * all-in-one app sets it to {@code true} when it runs on its embedded broker and
 * database, and passes it on to its services. A service jar, or the app with a broker or
 * database of its own, is not local unless {@code herald.local=true} is set.
 * <p>
 * Outside local mode a service refuses development secrets and warns about topics with
 * one replica.
 */
public final class LocalMode {

    /** The property that decides. */
    public static final String PROPERTY = "herald.local";

    private LocalMode() {
    }

    /** Whether {@code herald.local} is {@code true}. */
    public static boolean isLocal(PropertyResolver environment) {
        return environment.getProperty(PROPERTY, Boolean.class, false);
    }

}
