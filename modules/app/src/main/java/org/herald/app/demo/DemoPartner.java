package org.herald.app.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo partner's id and webhook secret, kept in
 * {@code <data-dir>/demo/partner.properties} (readable by its owner only) so that the
 * built-in receiver can verify signatures after a restart. The secret is never logged.
 */
public class DemoPartner {

    /** The receiver path name of the demo partner: {@code /dev/webhooks/demo-partner}. */
    public static final String NAME = "demo-partner";

    private final Path file;

    private volatile Properties properties;

    public DemoPartner(Path dataDirectory) {
        this.file = dataDirectory.resolve("demo").resolve("partner.properties");
    }

    /** Whether the demo partner was registered already (in this data directory). */
    public boolean registered() {
        return load().getProperty("id") != null;
    }

    /** The secret of the receiver named {@code name}, if it is the demo partner's. */
    public Optional<String> secretFor(String name) {
        return NAME.equals(name) ? Optional.ofNullable(load().getProperty("secret")) : Optional.empty();
    }

    /** Remembers the demo partner once the notifier registered it. */
    public synchronized void remember(String id, String secret) {
        Properties saved = new Properties();
        saved.setProperty("id", id);
        saved.setProperty("secret", secret);
        try {
            Files.createDirectories(this.file.getParent());
            Path temporary = this.file.resolveSibling("partner.properties.tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                saved.store(writer, "The demo partner of Herald's all-in-one app");
            }
            Files.move(temporary, this.file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not keep the demo partner in " + this.file, ex);
        }
        this.properties = saved;
    }

    private Properties load() {
        Properties current = this.properties;
        if (current == null) {
            current = new Properties();
            if (Files.isRegularFile(this.file)) {
                try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
                    current.load(reader);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException("Could not read " + this.file, ex);
                }
            }
            this.properties = current;
        }
        return current;
    }

    @Override
    public String toString() {
        return "DemoPartner[" + this.file + "]";
    }

}
