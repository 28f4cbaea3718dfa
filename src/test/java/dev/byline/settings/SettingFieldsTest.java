package dev.byline.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each setting's reading of what was typed: the value taken, or the message the person gets. */
class SettingFieldsTest {

    @ParameterizedTest(name = "{0} “{1}” → {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            site_title            | '  The Harbour Times  '  | The Harbour Times
            site_title            | 'صدای کابل'               | صدای کابل
            tagline               | ''                       | ''
            tagline               | 'News from the coast'    | News from the coast
            logo                  | ''                       | ''
            logo                  | ' 42 '                   | 42
            language              | en                       | en
            language              | EN-gb                    | en-GB
            language              | fa                       | fa
            language              | ar                       | ar
            language              | ru                       | ru
            language              | iw                       | he
            language              | ckb                      | ckb
            timezone              | Asia/Kabul               | Asia/Kabul
            timezone              | europe/berlin            | Europe/Berlin
            timezone              | UTC                      | UTC
            date_format           | d MMMM yyyy              | d MMMM yyyy
            date_format           | yyyy-MM-dd               | yyyy-MM-dd
            per_page              | 1                        | 1
            per_page              | ' 100 '                  | 100
            two_factor_required   | on                       | on
            two_factor_required   | ''                       | ''
            session_idle_hours    | 720                      | 720
            session_lifetime_days | 1                        | 1
            activity_retention_days | 7                      | 7
            activity_retention_days | 3650                   | 3650
            """)
    void takes(String name, String typed, String stored) {
        SettingField<?> field = SettingFields.named(name).orElseThrow();
        assertEquals(stored, textOf(field, typed));
    }

    @ParameterizedTest(name = "{0} “{1}”: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            site_title            | ''                 | Enter the site title.
            site_title            | '   '              | Enter the site title.
            tagline               | 'tab	inside'     | Use one line of text
            logo                  | abc                | Enter the number of an uploaded image
            logo                  | 0                  | Enter the number of an uploaded image
            logo                  | -3                 | Enter the number of an uploaded image
            language              | ''                 | Enter the site's language
            language              | en_US              | “en_US” is not a language tag Byline knows
            language              | xx                 | “xx” is not a language tag Byline knows
            language              | x-private          | is not a language tag
            language              | english            | is not a language tag
            timezone              | Mars/Olympus       | “Mars/Olympus” is not a time zone. Choose one from the list
            timezone              | ''                 | Choose the newsroom's time zone.
            timezone              | +05:00             | is not a time zone
            date_format           | yyyy               | Choose one of the date formats listed.
            date_format           | ''                 | Choose one of the date formats listed.
            per_page              | 0                  | Enter a whole number from 1 to 100.
            per_page              | 101                | Enter a whole number from 1 to 100.
            per_page              | ten                | Enter a whole number from 1 to 100.
            per_page              | 2.5                | Enter a whole number from 1 to 100.
            per_page              | 99999999999999     | Enter a whole number from 1 to 100.
            per_page              | ''                 | Enter a whole number from 1 to 100.
            two_factor_required   | maybe              | Tick the box, or leave it empty.
            session_idle_hours    | 0                  | Enter a whole number from 1 to 720.
            session_lifetime_days | 366                | Enter a whole number from 1 to 365.
            activity_retention_days | 6                | Enter a whole number from 7 to 3650.
            """)
    void refuses(String name, String typed, String message) {
        SettingField<?> field = SettingFields.named(name).orElseThrow();
        var refused = assertThrows(SettingField.Refused.class, () -> field.parse(typed));
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }

    @Test
    void aTitleOverAHundredCharactersSaysHowLongItIs() {
        var refused = assertThrows(SettingField.Refused.class, () -> SettingFields.TITLE.parse("x".repeat(101)));
        assertEquals("Keep it to 100 characters or fewer (this is 101).", refused.getMessage());
        assertEquals("x".repeat(100), SettingFields.TITLE.parse("x".repeat(100)));
    }

    @Test
    void aSessionCannotBeIdleForLongerThanItLasts() {
        var settings = Settings.defaults("Byline", ZoneId.of("UTC"));
        assertEquals(Map.of(), SettingFields.across(settings));
        var twoDays = with(settings, SettingFields.SESSION_LIFETIME, 2);
        assertEquals(Map.of(), SettingFields.across(with(twoDays, SettingFields.SESSION_IDLE, 48)));
        assertEquals(Map.of("session_idle_hours", "A session cannot be idle for longer than it may last (2 days is "
                + "48 hours)."), SettingFields.across(with(twoDays, SettingFields.SESSION_IDLE, 49)));
    }

    @Test
    void rightToLeftLanguagesAndScriptsSetTheDirection() {
        var settings = Settings.defaults("Byline", ZoneId.of("UTC"));
        for (String tag : List.of("ar", "fa", "he", "ur", "ps", "ckb", "yi", "az-Arab", "ku-Arab", "ar-EG")) {
            assertEquals("rtl", with(settings, SettingFields.LANGUAGE, tag).direction(), tag);
        }
        for (String tag : List.of("en", "ru", "de-CH", "tr", "ku", "az", "sr-Latn-RS", "ur-Latn")) {
            assertEquals("ltr", with(settings, SettingFields.LANGUAGE, tag).direction(), tag);
        }
    }

    @Test
    void datesAreWrittenInTheZoneStyleAndLanguage() {
        Instant lateEvening = Instant.parse("2026-11-28T22:30:00Z");
        var settings = Settings.defaults("Byline", ZoneId.of("UTC"));
        assertEquals("November 28, 2026", settings.formatDate(lateEvening), "the default is what the site showed");
        var kabul = with(settings, SettingFields.ZONE, ZoneId.of("Asia/Kabul"));
        assertEquals("November 29, 2026", kabul.formatDate(lateEvening), "03:00 the next day in Kabul");
        assertEquals("29 November 2026", with(kabul, SettingFields.DATE_STYLE, DateStyle.DAY_MONTH_YEAR)
                .formatDate(lateEvening));
        assertEquals("2026-11-29", with(kabul, SettingFields.DATE_STYLE, DateStyle.ISO).formatDate(lateEvening));
        assertEquals("29 ноября 2026", with(with(kabul, SettingFields.DATE_STYLE, DateStyle.DAY_MONTH_YEAR),
                SettingFields.LANGUAGE, "ru").formatDate(lateEvening), "Russian month names, in the genitive");
        assertEquals("29 November 2026", with(with(kabul, SettingFields.DATE_STYLE, DateStyle.DAY_MONTH_YEAR),
                SettingFields.LANGUAGE, "tlh").formatDate(lateEvening), "English where the JDK has no month names");
    }

    @Test
    void theDateChoicesShowTheirExampleInTheSitesLanguage() {
        var settings = Settings.defaults("Byline", ZoneId.of("UTC"));
        assertEquals(List.of("28 November 2026", "November 28, 2026", "2026-11-28", "28/11/2026", "28.11.2026"),
                SettingFields.DATE_STYLE.choices(settings).stream().map(SettingField.Choice::label).toList());
        assertEquals("28 ноября 2026", SettingFields.DATE_STYLE.choices(with(settings, SettingFields.LANGUAGE, "ru"))
                .getFirst().label());
    }

    @Test
    void aZoneSetAtStartUpThatTheListDoesNotOfferIsStillAChoice() {
        var settings = Settings.defaults("Byline", ZoneId.of("Etc/GMT+5"));
        var zones = SettingFields.ZONE.choices(settings).stream().map(SettingField.Choice::value).toList();
        assertEquals("Etc/GMT+5", zones.getFirst());
        assertTrue(zones.contains("Asia/Kabul") && zones.contains("UTC") && !zones.contains("SystemV/AST4"));
        assertEquals(ZoneId.of("Etc/GMT+5"), SettingFields.ZONE.parse("Etc/GMT+5"), "any zone id is taken");
    }

    @Test
    void everyFieldHasAUniqueNameALabelAndHelp() {
        assertEquals(SettingFields.ALL.size(), SettingFields.ALL.stream().map(SettingField::name).distinct().count());
        for (SettingField<?> field : SettingFields.ALL) {
            assertTrue(!field.label().isBlank() && !field.help().isBlank(), field.name());
            assertTrue(field.name().matches("[a-z_]+"), field.name());
        }
        assertEquals(Optional.empty(), SettingFields.named(SettingsStore.VERSION), "the version is not a setting");
    }

    @Test
    void theDefaultsReadBackAsThemselves() {
        var defaults = Settings.defaults("Byline Daily", ZoneId.of("Europe/Berlin"));
        var form = SettingsForm.of(defaults, 0);
        assertEquals(defaults, Settings.of(new Settings.Values() {
            @Override
            public <T> T get(SettingField<T> field) {
                return field.parse(form.value(field.name()));
            }
        }));
    }

    private static <T> String textOf(SettingField<T> field, String typed) {
        return field.text(field.parse(typed));
    }

    /** {@code settings} with one field's value replaced, as a form would do it. */
    static <V> Settings with(Settings settings, SettingField<V> changed, V value) {
        return Settings.of(new Settings.Values() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(SettingField<T> field) {
                return field == (SettingField<?>) changed ? (T) value : field.read(settings);
            }
        });
    }
}
