package org.herald.publisher.announcement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * The annotated string has no control characters at all (no line breaks, tabs or NULs);
 * null passes.
 */
@Documented
@Pattern(regexp = "[^\\p{Cntrl}]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface SingleLine {

    String message() default "must be one line without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
