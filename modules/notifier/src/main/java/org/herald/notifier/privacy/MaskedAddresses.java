package org.herald.notifier.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Email addresses as logs may show them: the first character of the local part and the
 * domain, {@code j***@example.com}, so an operator can tell mail to one domain from
 * another without the log naming anyone.
 */
public final class MaskedAddresses {

    private static final Pattern ADDRESS = Pattern.compile("([^\\s<>\"'(),;:@]+)@([A-Za-z0-9.-]+)");

    private MaskedAddresses() {
    }

    /**
     * {@code address} masked: {@code jane@example.com} becomes {@code j***@example.com}.
     */
    public static String mask(@Nullable String address) {
        if (address == null) {
            return "(none)";
        }
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** {@code text} with every email address in it masked (an SMTP reply names one). */
    public static String maskAll(@Nullable String text) {
        if (text == null) {
            return "";
        }
        Matcher matcher = ADDRESS.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked,
                    Matcher.quoteReplacement(matcher.group(1).charAt(0) + "***@" + matcher.group(2)));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

}
