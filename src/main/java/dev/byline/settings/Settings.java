package dev.byline.settings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The site's settings as pages and services read them: typed, already checked. {@link SettingsService#current}
 * hands out the one in force; every field is described once in {@link SettingFields} (its name, how it is read
 * from a form, checked and stored), so a setting added later is a component here, a field there and a line in
 * {@link #of}, and nobody reading the others changes.
 *
 * @param siteTitle             the publication's name: masthead, page titles, feeds
 * @param tagline               a line under the title and the home page's description; may be empty
 * @param logo                  an uploaded image shown in the masthead instead of the title as text
 * @param language              a BCP 47 tag in canonical form ({@code en}, {@code fa}, {@code en-GB}), for
 *                              {@code <html lang>}
 * @param zone                  the newsroom's time zone: dates on pages and in article addresses
 * @param dateStyle             how pages write dates
 * @param perPage               articles on a page of the home page and of archives, 1 to 100
 * @param twoFactorRequired     administrators and editors must enrol a second factor before they can work
 * @param activityRetentionDays how long the activity log keeps an entry
 * @param sessionIdleHours      a session without a request for this long ends
 * @param sessionLifetimeDays   a session ends this long after sign-in, however busy
 * @param comments              the discussion's rules (WordPress's "Discussion" settings)
 * @param titlePattern          how a page's {@code <title>} is written: {@code %title%} the page's own title,
 *                              {@code %site%} the site's title (default {@value #DEFAULT_TITLE_PATTERN})
 */
public record Settings(String siteTitle, String tagline, Optional<Long> logo, String language, ZoneId zone,
                       DateStyle dateStyle, int perPage, boolean twoFactorRequired, int activityRetentionDays,
                       int sessionIdleHours, int sessionLifetimeDays, Discussion comments, String titlePattern,
                       Syndication feeds) {

    public static final String DEFAULT_TITLE_PATTERN = "%title% – %site%";

    /** A page's {@code <title>}: its own title in the title pattern. */
    public String pageTitle(String title) {
        return titlePattern.replace("%title%", title).replace("%site%", siteTitle);
    }

    /**
     * The comment settings, with WordPress's defaults and meaning.
     *
     * @param manualModeration    hold every comment for a moderator
     * @param linkLimit           hold a comment with this many links or more (0: no limit)
     * @param moderationKeys      one word or phrase a line; a comment whose name, email, URL, text, IP or user
     *                            agent contains one is held
     * @param disallowedKeys      the same, sending the comment to spam
     * @param previouslyApproved  hold a commenter who has no approved comment yet
     * @param closeAfterDays      close the discussion of articles older than this (0: never)
     * @param threadDepth         replies nest this deep (1: no replies nest)
     * @param perPage             top-level comments on a page of the discussion
     * @param ipRetentionDays     commenters' IP addresses are forgotten after this long
     * @param gravatar            show avatars from Gravatar (off: initials made here; on, Gravatar learns a hash of
     *                            each commenter's email and every reader's address)
     */
    public record Discussion(boolean manualModeration, int linkLimit, String moderationKeys, String disallowedKeys,
                             boolean previouslyApproved, int closeAfterDays, int threadDepth, int perPage,
                             int ipRetentionDays, boolean gravatar) {

        /** The rules with Gravatar off. */
        public Discussion(boolean manualModeration, int linkLimit, String moderationKeys, String disallowedKeys,
                          boolean previouslyApproved, int closeAfterDays, int threadDepth, int perPage,
                          int ipRetentionDays) {
            this(manualModeration, linkLimit, moderationKeys, disallowedKeys, previouslyApproved, closeAfterDays,
                    threadDepth, perPage, ipRetentionDays, false);
        }

        public static final Discussion DEFAULTS = new Discussion(false, 2, "", "", true, 0, 5, 50, 30);
    }

    /**
     * What the RSS and Atom feeds carry, with WordPress's defaults.
     *
     * @param items    the newest articles (or comments) a feed lists
     * @param fullText each article whole; off, its excerpt alone
     */
    public record Syndication(int items, boolean fullText) {

        public static final Syndication DEFAULTS = new Syndication(20, true);
    }

    /** What a fresh database has: the start-up name and zone ({@code --site-name}, {@code --timezone}). */
    public static Settings defaults(String siteName, ZoneId zone) {
        return new Settings(siteName, "", Optional.empty(), "en", zone, DateStyle.MONTH_DAY_YEAR, 10, false, 365,
                12, 14, Discussion.DEFAULTS, DEFAULT_TITLE_PATTERN,
                Syndication.DEFAULTS);
    }

    /** A value for each field: where {@link #of} takes them from (stored text, a checked form). */
    @FunctionalInterface
    interface Values {
        <T> T get(SettingField<T> field);
    }

    /** The one place the record is put together from its fields. */
    static Settings of(Values values) {
        return new Settings(values.get(SettingFields.TITLE), values.get(SettingFields.TAGLINE),
                values.get(SettingFields.LOGO), values.get(SettingFields.LANGUAGE), values.get(SettingFields.ZONE),
                values.get(SettingFields.DATE_STYLE), values.get(SettingFields.PER_PAGE),
                values.get(SettingFields.TWO_FACTOR), values.get(SettingFields.ACTIVITY_RETENTION),
                values.get(SettingFields.SESSION_IDLE), values.get(SettingFields.SESSION_LIFETIME),
                new Discussion(values.get(SettingFields.COMMENT_MANUAL), values.get(SettingFields.COMMENT_LINKS),
                        values.get(SettingFields.COMMENT_MODERATION_KEYS),
                        values.get(SettingFields.COMMENT_DISALLOWED_KEYS),
                        values.get(SettingFields.COMMENT_PREVIOUSLY_APPROVED),
                        values.get(SettingFields.COMMENT_CLOSE_DAYS), values.get(SettingFields.COMMENT_DEPTH),
                        values.get(SettingFields.COMMENT_PER_PAGE), values.get(SettingFields.COMMENT_IP_DAYS),
                        values.get(SettingFields.COMMENT_GRAVATAR)), values.get(SettingFields.TITLE_PATTERN),
                new Syndication(values.get(SettingFields.FEED_ITEMS), values.get(SettingFields.FEED_FULL_TEXT)));
    }

    /** {@code rtl} for Arabic, Persian, Hebrew, Urdu… (or a tag naming such a script), else {@code ltr}. */
    public String direction() {
        return Languages.rightToLeft(language) ? "rtl" : "ltr";
    }

    /** A date as pages write it: in the site's zone, in its style, month names in its language. */
    public String formatDate(Instant instant) {
        return dateStyle.formatter(Languages.forDates(language)).format(instant.atZone(zone));
    }

    public Duration activityRetention() {
        return Duration.ofDays(activityRetentionDays);
    }

    public Duration sessionIdle() {
        return Duration.ofHours(sessionIdleHours);
    }

    public Duration sessionLifetime() {
        return Duration.ofDays(sessionLifetimeDays);
    }

    /** The language's name in English, e.g. "Persian". */
    public String languageName() {
        return Languages.name(language);
    }
}
