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
 */
public record Settings(String siteTitle, String tagline, Optional<Long> logo, String language, ZoneId zone,
                       DateStyle dateStyle, int perPage, boolean twoFactorRequired, int activityRetentionDays,
                       int sessionIdleHours, int sessionLifetimeDays) {

    /** What a fresh database has: the start-up name and zone ({@code --site-name}, {@code --timezone}). */
    public static Settings defaults(String siteName, ZoneId zone) {
        return new Settings(siteName, "", Optional.empty(), "en", zone, DateStyle.MONTH_DAY_YEAR, 10, false, 365,
                12, 14);
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
                values.get(SettingFields.SESSION_IDLE), values.get(SettingFields.SESSION_LIFETIME));
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
