package dev.byline.settings;

import dev.byline.settings.SettingField.Choice;
import dev.byline.settings.SettingField.Group;
import dev.byline.settings.SettingField.Input;
import dev.byline.settings.SettingField.Refused;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every setting, once: what it is called, how it is asked for and checked, and whether pages show it. The settings
 * page, the service's validation, the stored rows and the activity log all read this list; a setting added later
 * (the comment settings) is one more field here.
 */
public final class SettingFields {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");
    /** Zones in the list offered: the regions' cities, as WordPress offers them. Any zone id is accepted. */
    private static final Pattern OFFERED_ZONE =
            Pattern.compile("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+");
    private static final Map<String, String> ZONES_BY_LOWER_CASE = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toUnmodifiableMap(id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
    private static final List<String> OFFERED_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> OFFERED_ZONE.matcher(id).matches()).sorted().toList();
    /** The date the date styles are shown with: 28 November 2026. */
    private static final Instant EXAMPLE_DATE = Instant.parse("2026-11-28T12:00:00Z");

    public static final SettingField<String> TITLE = text("site_title", "Site title",
            "The publication's name: in the masthead, page titles and feeds.", Settings::siteTitle, true, 100);
    public static final SettingField<String> TAGLINE = text("tagline", "Tagline",
            "A short line under the title, also the home page's description. May be left empty.",
            Settings::tagline, false, 200);
    public static final SettingField<Optional<Long>> LOGO = new SettingField<>("logo", "Logo",
            "The number of an uploaded image to show in the masthead instead of the title as text. Empty for none.",
            Input.NUMBER, Group.SITE, true, Settings::logo, SettingFields::logo,
            logo -> logo.map(String::valueOf).orElse(""), logo -> logo.map(id -> "image " + id).orElse("none"),
            noChoices(), 1, Integer.MAX_VALUE);
    public static final SettingField<String> LANGUAGE = new SettingField<>("language", "Language",
            "The language articles are written in, as a BCP 47 tag: en, en-GB, fa, ar, ru… Screen readers and "
                    + "search engines read it; Arabic, Persian, Hebrew and Urdu pages run right to left.",
            Input.TEXT, Group.SITE, true, Settings::language, SettingFields::language, Function.identity(),
            tag -> tag + " (" + Languages.name(tag) + ")", noChoices(), 0, 0);
    public static final SettingField<ZoneId> ZONE = new SettingField<>("timezone", "Time zone",
            "The newsroom's time zone: dates on pages and in article addresses. An article whose date changes "
                    + "with the zone moves to its new address; the old one redirects there.",
            Input.CHOICE, Group.DATES_AND_LISTS, true, Settings::zone, SettingFields::zone, ZoneId::getId,
            ZoneId::getId, SettingFields::zoneChoices, 0, 0);
    public static final SettingField<DateStyle> DATE_STYLE = new SettingField<>("date_format", "Date format",
            "How pages write dates. Month names are in the site's language.",
            Input.CHOICE, Group.DATES_AND_LISTS, true, Settings::dateStyle, SettingFields::dateStyle,
            DateStyle::pattern, DateStyle::pattern, SettingFields::dateChoices, 0, 0);
    public static final SettingField<Integer> PER_PAGE = number("per_page", "Articles per page",
            "How many articles a page of the home page, a section, a tag or an author lists.",
            Group.DATES_AND_LISTS, true, Settings::perPage, 1, 100, "");
    public static final SettingField<Boolean> TWO_FACTOR = new SettingField<>("two_factor_required",
            "Require two-factor authentication for administrators and editors",
            "They are asked to set up an authenticator app before they can do anything else in the admin.",
            Input.CHECKBOX, Group.SECURITY, false, Settings::twoFactorRequired, SettingFields::checkbox,
            on -> on ? "on" : "", on -> on ? "on" : "off", noChoices(), 0, 0);
    public static final SettingField<Integer> SESSION_IDLE = number("session_idle_hours",
            "Sign out after this many hours without activity",
            "A session nobody uses for this long ends. From 1 to 720 hours (30 days).",
            Group.SECURITY, false, Settings::sessionIdleHours, 1, 720, " hours");
    public static final SettingField<Integer> SESSION_LIFETIME = number("session_lifetime_days",
            "Sign out this many days after signing in",
            "The longest a session lasts, however busy. From 1 to 365 days.",
            Group.SECURITY, false, Settings::sessionLifetimeDays, 1, 365, " days");
    public static final SettingField<Integer> ACTIVITY_RETENTION = number("activity_retention_days",
            "Keep the activity log for this many days",
            "Older entries are deleted. From 7 to 3650 days (ten years).",
            Group.SECURITY, false, Settings::activityRetentionDays, 7, 3650, " days");

    // the discussion (comments): WordPress's settings, its defaults and its meaning
    public static final SettingField<Boolean> COMMENT_MANUAL = check("comment_moderation",
            "Comments must be manually approved", "Every comment waits in the queue for a moderator.", false,
            settings -> settings.comments().manualModeration());
    public static final SettingField<Boolean> COMMENT_PREVIOUSLY_APPROVED = check("comment_previously_approved",
            "The commenter must have a previously approved comment",
            "A first comment from an email address waits for a moderator; later ones from the same name and "
                    + "address appear at once.", false, settings -> settings.comments().previouslyApproved());
    public static final SettingField<Integer> COMMENT_LINKS = number("comment_max_links",
            "Hold a comment in the queue if it contains this many links or more",
            "A common trait of spam. 0 turns the rule off.", Group.DISCUSSION, false,
            settings -> settings.comments().linkLimit(), 0, 100, " links");
    public static final SettingField<String> COMMENT_MODERATION_KEYS = lines("moderation_keys",
            "Comment moderation words",
            "One word or phrase a line. A comment whose name, email, website, text, IP address or browser contains "
                    + "one (inside words too: “press” matches “WordPress”) waits in the queue.",
            settings -> settings.comments().moderationKeys());
    public static final SettingField<String> COMMENT_DISALLOWED_KEYS = lines("disallowed_keys",
            "Disallowed comment words",
            "One word or phrase a line, matched the same way: such a comment goes to spam.",
            settings -> settings.comments().disallowedKeys());
    public static final SettingField<Integer> COMMENT_CLOSE_DAYS = number("close_comments_days_old",
            "Close comments on articles older than this many days",
            "0 keeps comments open however old the article. Each article can also be closed on its own, from the "
                    + "comments page.", Group.DISCUSSION, true, settings -> settings.comments().closeAfterDays(),
            0, 36500, " days");
    public static final SettingField<Integer> COMMENT_DEPTH = number("thread_comments_depth",
            "Nest replies this many levels deep",
            "A reply to a comment at the deepest level is shown beside it. 1 shows every comment at the top level.",
            Group.DISCUSSION, true, settings -> settings.comments().threadDepth(), 1, 10, " levels");
    public static final SettingField<Integer> COMMENT_PER_PAGE = number("comments_per_page",
            "Top-level comments on a page", "Longer discussions are split into pages, oldest first.",
            Group.DISCUSSION, true, settings -> settings.comments().perPage(), 5, 500, "");
    public static final SettingField<Integer> COMMENT_IP_DAYS = number("comment_ip_retention_days",
            "Forget commenters' IP addresses after this many days",
            "They are kept for moderation only (the rules and the queue read them). From 1 to 3650 days.",
            Group.DISCUSSION, false, settings -> settings.comments().ipRetentionDays(), 1, 3650, " days");
    public static final SettingField<Boolean> COMMENT_GRAVATAR = check("show_avatars_gravatar",
            "Show avatars from Gravatar",
            "Off, each comment shows its author's initials, made here. On, pages show the picture the commenter "
                    + "chose at gravatar.com (or a pattern): readers' browsers then load it from Gravatar, which "
                    + "learns who reads which page and receives a hash of each commenter's email address.", true,
            settings -> settings.comments().gravatar());
    public static final SettingField<String> TITLE_PATTERN = new SettingField<>("title_pattern", "Page title pattern",
            "How each page's title is written for browser tabs and search results: %title% stands for the page's "
                    + "own title, %site% for the site title. The home page's title is the site title alone.",
            Input.TEXT, Group.SITE, true, Settings::titlePattern, SettingFields::titlePattern, Function.identity(),
            value -> "“" + value + "”", noChoices(), 0, 100);
    // the feeds (RSS and Atom): WordPress's "Syndication feeds show the most recent" and "For each post in a feed"
    public static final SettingField<Integer> FEED_ITEMS = number("feed_items",
            "Feeds show the most recent", "How many articles (or comments) each RSS and Atom feed lists.",
            Group.DATES_AND_LISTS, true, settings -> settings.feeds().items(), 1, 100, " items");
    public static final SettingField<Boolean> FEED_FULL_TEXT = new SettingField<>("feed_full_text",
            "Feeds carry the full text of each article",
            "Off, a feed carries each article's excerpt and a link to read the rest on the site.",
            Input.CHECKBOX, Group.DATES_AND_LISTS, true, settings -> settings.feeds().fullText(),
            SettingFields::checkbox, on -> on ? "on" : "", on -> on ? "on" : "off", noChoices(), 0, 0);
    /** In the order the settings page shows them. */
    public static final List<SettingField<?>> ALL = List.of(TITLE, TAGLINE, LOGO, LANGUAGE, ZONE, DATE_STYLE, PER_PAGE,
            TWO_FACTOR, SESSION_IDLE, SESSION_LIFETIME, ACTIVITY_RETENTION, COMMENT_MANUAL,
            COMMENT_PREVIOUSLY_APPROVED, COMMENT_LINKS, COMMENT_MODERATION_KEYS, COMMENT_DISALLOWED_KEYS,
            COMMENT_CLOSE_DAYS, COMMENT_DEPTH, COMMENT_PER_PAGE, COMMENT_IP_DAYS, COMMENT_GRAVATAR, TITLE_PATTERN,
            FEED_ITEMS, FEED_FULL_TEXT);

    private SettingFields() {
    }

    public static Optional<SettingField<?>> named(String name) {
        return ALL.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /**
     * What no single field can check: rules between fields, as messages by field name (empty when all is well).
     */
    static Map<String, String> across(Settings settings) {
        var errors = new LinkedHashMap<String, String>();
        if (settings.sessionIdleHours() > settings.sessionLifetimeDays() * 24) {
            errors.put(SESSION_IDLE.name(), "A session cannot be idle for longer than it may last ("
                    + settings.sessionLifetimeDays() + (settings.sessionLifetimeDays() == 1 ? " day" : " days")
                    + " is " + settings.sessionLifetimeDays() * 24 + " hours).");
        }
        return errors;
    }

    private static SettingField<String> text(String name, String label, String help, Function<Settings, String> read,
                                             boolean required, int maxLength) {
        return new SettingField<>(name, label, help, Input.TEXT, Group.SITE, true, read,
                typed -> {
                    String value = typed.strip();
                    if (required && value.isEmpty()) {
                        throw new Refused("Enter the " + label.toLowerCase(Locale.ROOT) + ".");
                    }
                    int length = value.codePointCount(0, value.length());
                    if (length > maxLength) {
                        throw new Refused("Keep it to " + maxLength + " characters or fewer (this is " + length
                                + ").");
                    }
                    if (value.codePoints().anyMatch(Character::isISOControl)) {
                        throw new Refused("Use one line of text, without control characters.");
                    }
                    return value;
                },
                Function.identity(), value -> value.isEmpty() ? "(empty)" : "“" + value + "”", noChoices(), 0,
                maxLength);
    }

    private static SettingField<Integer> number(String name, String label, String help, Group group, boolean shown,
                                                Function<Settings, Integer> read, int min, int max, String unit) {
        return new SettingField<>(name, label, help, Input.NUMBER, group, shown, read,
                typed -> {
                    String value = typed.strip();
                    if (!WHOLE_NUMBER.matcher(value).matches() || Integer.parseInt(value) < min
                            || Integer.parseInt(value) > max) {
                        throw new Refused("Enter a whole number from " + min + " to " + max + ".");
                    }
                    return Integer.parseInt(value);
                },
                String::valueOf, value -> value + unit, noChoices(), min, max);
    }

    private static SettingField<Boolean> check(String name, String label, String help, boolean shown,
                                               Function<Settings, Boolean> read) {
        return new SettingField<>(name, label, help, Input.CHECKBOX, Group.DISCUSSION, shown, read,
                SettingFields::checkbox, on -> on ? "on" : "", on -> on ? "on" : "off", noChoices(), 0, 0);
    }

    /** Words or phrases, one a line: blank lines and spaces around each dropped, at most 20,000 characters. */
    private static SettingField<String> lines(String name, String label, String help,
                                              Function<Settings, String> read) {
        return new SettingField<>(name, label, help, Input.LINES, Group.DISCUSSION, false, read,
                typed -> {
                    String value = typed.lines().map(String::strip).filter(line -> !line.isEmpty())
                            .collect(Collectors.joining("\n"));
                    if (value.length() > 20_000) {
                        throw new Refused("Keep the list to 20,000 characters or fewer (this is " + value.length()
                                + ").");
                    }
                    if (value.codePoints().anyMatch(c -> c != '\n' && Character.isISOControl(c))) {
                        throw new Refused("Use plain words, one a line, without control characters.");
                    }
                    return value;
                },
                Function.identity(), value -> value.isEmpty() ? "(none)" : value.lines().count() + " lines",
                noChoices(), 0, 20_000);
    }

    private static Optional<Long> logo(String typed) {
        String value = typed.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!WHOLE_NUMBER.matcher(value).matches() || Long.parseLong(value) == 0) {
            throw new Refused("Enter the number of an uploaded image, or leave it empty for no logo.");
        }
        return Optional.of(Long.parseLong(value));
    }

    private static String language(String typed) {
        String value = typed.strip();
        if (value.isEmpty()) {
            throw new Refused("Enter the site's language, such as en, fa, ar or ru.");
        }
        return Languages.canonical(value).orElseThrow(() -> new Refused("“" + value + "” is not a language tag "
                + "Byline knows. Use a BCP 47 tag such as en, en-GB, fa, ar or ru."));
    }

    private static ZoneId zone(String typed) {
        String value = typed.strip();
        String id = ZONES_BY_LOWER_CASE.get(value.toLowerCase(Locale.ROOT));
        if (id == null && !value.equals("UTC")) {
            throw new Refused(value.isEmpty() ? "Choose the newsroom's time zone."
                    : "“" + value + "” is not a time zone. Choose one from the list, such as Europe/London or "
                    + "Asia/Kabul.");
        }
        return ZoneId.of(id == null ? value : id);
    }

    private static DateStyle dateStyle(String typed) {
        return DateStyle.of(typed.strip()).orElseThrow(() -> new Refused("Choose one of the date formats listed."));
    }

    /** A title pattern: one line that names the page's title ({@code %title%}), at most 100 characters. */
    private static String titlePattern(String typed) {
        String value = typed.strip();
        if (!value.contains("%title%")) {
            throw new Refused("Include %title% where the page's title goes, e.g. “%title% – %site%”.");
        }
        int length = value.codePointCount(0, value.length());
        if (length > 100) {
            throw new Refused("Keep it to 100 characters or fewer (this is " + length + ").");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new Refused("Use one line of text, without control characters.");
        }
        return value;
    }

    private static boolean checkbox(String typed) {
        return switch (typed.strip().toLowerCase(Locale.ROOT)) {
            case "", "off", "false" -> false;
            case "on", "true" -> true;
            default -> throw new Refused("Tick the box, or leave it empty.");
        };
    }

    private static List<Choice> zoneChoices(Settings settings) {
        var ids = new ArrayList<String>();
        ids.add("UTC");
        ids.addAll(OFFERED_ZONES);
        if (!ids.contains(settings.zone().getId())) {
            ids.add(0, settings.zone().getId()); // set at start-up to one the list does not offer
        }
        return ids.stream().map(id -> new Choice(id, id.replace('_', ' '))).toList();
    }

    private static List<Choice> dateChoices(Settings settings) {
        var locale = Languages.forDates(settings.language());
        return Arrays.stream(DateStyle.values()).map(style -> new Choice(style.pattern(),
                style.formatter(locale).format(EXAMPLE_DATE.atZone(ZoneId.of("UTC"))))).toList();
    }

    private static <T> Function<Settings, List<Choice>> noChoices() {
        return settings -> List.of();
    }
}
