package dev.byline.settings;

import java.util.List;
import java.util.function.Function;

/**
 * One setting, described once: its name (in forms and in the {@code settings} table), how a person is asked for
 * it, how its text is read and checked, how it is written back, and whether pages show it (then saving a new
 * value drops every cached page). {@link SettingFields} holds them all, in the order the settings page shows them.
 *
 * @param <T> the value's type in {@link Settings}
 */
public final class SettingField<T> {

    /** How the settings page asks for it. */
    public enum Input { TEXT, NUMBER, CHOICE, CHECKBOX, LINES }

    /** The parts of the settings page. */
    public enum Group {
        SITE("Site"), DATES_AND_LISTS("Dates and lists"), SECURITY("Security"), DISCUSSION("Discussion");

        private final String heading;

        Group(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }
    }

    /** One option of a choice: the value sent, and what the person reads. */
    public record Choice(String value, String label) {
    }

    /** Text that is not a value of this setting, and what to tell the person about it. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads a value from what was typed, or throws {@link Refused} saying what is wrong. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text);
    }

    private final String name;
    private final String label;
    private final String help;
    private final Input input;
    private final Group group;
    private final boolean shownOnPages;
    private final Function<Settings, T> read;
    private final Parser<T> parser;
    private final Function<T, String> text;
    private final Function<T, String> describe;
    private final Function<Settings, List<Choice>> choices;
    private final int min;
    private final int max;

    SettingField(String name, String label, String help, Input input, Group group, boolean shownOnPages,
                 Function<Settings, T> read, Parser<T> parser, Function<T, String> text,
                 Function<T, String> describe, Function<Settings, List<Choice>> choices, int min, int max) {
        this.name = name;
        this.label = label;
        this.help = help;
        this.input = input;
        this.group = group;
        this.shownOnPages = shownOnPages;
        this.read = read;
        this.parser = parser;
        this.text = text;
        this.describe = describe;
        this.choices = choices;
        this.min = min;
        this.max = max;
    }

    /** The form field's name and the stored row's: {@code site_title}. */
    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public Input input() {
        return input;
    }

    public Group group() {
        return group;
    }

    /** Pages show it: a new value drops every cached page, on every node. */
    public boolean shownOnPages() {
        return shownOnPages;
    }

    /** The options, for {@link Input#CHOICE} (labels may depend on the settings: examples in the site's language). */
    public List<Choice> choices(Settings settings) {
        return choices.apply(settings);
    }

    /** Whether it must be given: an empty answer is refused. */
    public boolean required() {
        try {
            parse("");
            return false;
        } catch (Refused refused) {
            return true;
        }
    }

    /** The smallest and largest number taken, for {@link Input#NUMBER}. */
    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The value in {@code settings}, as a form shows it and the database stores it. */
    public String text(Settings settings) {
        return text.apply(read.apply(settings));
    }

    T read(Settings settings) {
        return read.apply(settings);
    }

    /** @throws Refused saying what is wrong */
    T parse(String typed) {
        return parser.parse(typed == null ? "" : typed);
    }

    String text(T value) {
        return text.apply(value);
    }

    /** For the activity log: {@code “Byline Daily”}, {@code on}, {@code none}. */
    String describe(T value) {
        return describe.apply(value);
    }
}
