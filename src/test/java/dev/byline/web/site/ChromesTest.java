package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.byline.settings.Settings;
import dev.byline.support.MutableClock;
import dev.byline.web.support.Assets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChromesTest {

    @Test
    void theLayoutIsValidUntilTheNewYearInTheSitesZone() {
        // 23:59:59 on New Year's Eve in Auckland (UTC+13 in summer) is still morning in UTC
        var clock = new MutableClock(Instant.parse("2026-12-31T10:59:59Z"));
        var site = Settings.defaults("Byline", ZoneId.of("Pacific/Auckland"));
        var chromes = new Chromes(() -> site, "https://news.example", new Assets(clock), clock, () -> false,
                id -> Optional.empty(), ChromesTest::noMenus);
        assertEquals(Instant.parse("2026-12-31T11:00:00Z"), chromes.validUntil());
        assertEquals(2026, chromes.chrome(site, List.of(), null, "t", "d", "/", "website", null, null).year());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Instant.parse("2027-12-31T11:00:00Z"), chromes.validUntil());
        assertEquals(2027, chromes.chrome(site, List.of(), null, "t", "d", "/", "website", null, null).year());
    }

    /** Neither menu made: the header shows the top-level sections, the footer nothing. */
    static dev.byline.menu.SiteMenus noMenus() {
        return new dev.byline.menu.SiteMenus(
                new dev.byline.menu.Menu(dev.byline.menu.Menu.Name.HEADER, 0, false, List.of()),
                new dev.byline.menu.Menu(dev.byline.menu.Menu.Name.FOOTER, 0, false, List.of()));
    }
}
