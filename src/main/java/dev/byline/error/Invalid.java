package dev.byline.error;

import java.util.Map;

/** Input broke a rule; each entry names the field and says what is wrong with it. Maps to 422 with the form kept. */
public final class Invalid extends RuntimeException {
    private final Map<String, String> fieldErrors;

    public Invalid(Map<String, String> fieldErrors) {
        super("invalid input: " + fieldErrors, null, false, false);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
