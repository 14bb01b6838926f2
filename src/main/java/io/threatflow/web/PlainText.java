package io.threatflow.web;

import io.threatflow.Text;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text without control characters (NUL, ESC, DEL, the C1 controls ...); tab and line breaks only where
 * {@link #lineBreaks()} allows them, as in a description. White space around the value does not count, as
 * the fields are stripped before they are stored. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

    boolean lineBreaks() default false;

    String message() default "must not contain control characters (NUL, ESC, DEL, line breaks ...)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlainText, String> {

        private boolean lineBreaks;

        @Override
        public void initialize(PlainText annotation) {
            lineBreaks = annotation.lineBreaks();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (!Text.hasControlCharacters(lineBreaks ? value : Text.strip(value), lineBreaks)) {
                return true;
            }
            if (lineBreaks) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                        "must not contain control characters other than tab and line breaks (NUL, ESC, DEL ...)")
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
