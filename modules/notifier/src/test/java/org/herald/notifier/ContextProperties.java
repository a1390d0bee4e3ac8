package org.herald.notifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A real part a test runs (an SMTP server, say) that tells the notifier how to reach it.
 * A {@link NotifierTest} reads it from the test class's static fields; a notifier started
 * by hand takes it as {@link #arguments() command-line arguments}.
 */
public interface ContextProperties {

    /**
     * The settings, each read when the application asks for it (after the part started).
     */
    Map<String, Supplier<Object>> properties();

    /** The settings as {@code --key=value} arguments, read now. */
    default List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        properties().forEach((key, value) -> arguments.add("--" + key + "=" + value.get()));
        return arguments;
    }

}
