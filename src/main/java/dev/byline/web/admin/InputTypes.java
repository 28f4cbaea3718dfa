package dev.byline.web.admin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The type a form's input is written with. A date or time input holding what was typed but is no date (a refused
 * form, or a filter in a hand-made address) is written as a text input instead: HTML does not allow such a value
 * in a date input, and the browser would blank it, so the person would no longer see what they typed next to the
 * message saying what is wrong with it.
 */
public final class InputTypes {

    private InputTypes() {
    }

    public static String shown(String type, String value) {
        if (value == null || value.isEmpty()) {
            return type;
        }
        return switch (type) {
            case "date" -> parses(() -> LocalDate.parse(value)) ? type : "text";
            case "datetime-local" -> parses(() -> LocalDateTime.parse(value.replace(' ', 'T'))) ? type : "text";
            case "time" -> parses(() -> LocalTime.parse(value)) ? type : "text";
            case "month" -> parses(() -> YearMonth.parse(value)) ? type : "text";
            default -> type;
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
