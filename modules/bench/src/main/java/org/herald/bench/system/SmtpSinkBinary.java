package org.herald.bench.system;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds Postfix's {@code smtp-sink}, or stops the benchmark with how to install it. */
final class SmtpSinkBinary {

    static final String HINT = """
            The benchmark needs Postfix's smtp-sink, a real SMTP server that discards what it receives (every
            scenario: the notifier is not ready without its mail server).
            On Debian or Ubuntu, install Postfix without configuring it:
              echo "postfix postfix/main_mailer_type select No configuration" | sudo debconf-set-selections
              sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix""";

    private SmtpSinkBinary() {
    }

    static String find() {
        List<Path> candidates = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isBlank()) {
                candidates.add(Path.of(directory, "smtp-sink"));
            }
        }
        candidates.add(Path.of("/usr/sbin/smtp-sink"));
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new MissingToolException(HINT);
    }

    /** A tool the benchmark needs is not installed; the message says how to get it. */
    static final class MissingToolException extends RuntimeException {

        MissingToolException(String message) {
            super(message);
        }

    }

}
