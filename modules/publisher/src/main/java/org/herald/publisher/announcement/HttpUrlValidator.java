package org.herald.publisher.announcement;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.herald.events.AnnouncementIds;

/**
 * Checks {@link HttpUrl} by the id rule itself, so every URL that passes has an id.
 * Public because a plain Bean Validation provider instantiates it reflectively.
 */
public class HttpUrlValidator implements ConstraintValidator<HttpUrl, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            AnnouncementIds.canonicalUrl(value);
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

}
