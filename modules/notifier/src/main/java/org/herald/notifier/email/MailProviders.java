package org.herald.notifier.email;

/**
 * Names Angus Mail as Jakarta Mail's {@code StreamProvider}. Without the system property
 * Jakarta Mail looks the provider up with a {@code ServiceLoader} for every MIME part it
 * builds; in an executable jar that scans the nested jars each time, and it took about 40
 * % of the email threads' CPU (docs/performance.md).
 */
final class MailProviders {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailProviders() {
    }

    /** Sets the property, unless it is set already or Angus Mail is not there. */
    static void pin() {
        if (System.getProperty(STREAM_PROVIDER) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, MailProviders.class.getClassLoader());
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
        catch (ClassNotFoundException | LinkageError ex) {
            // another implementation: its own service lookup
        }
    }

}
