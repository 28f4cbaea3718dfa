package dev.byline.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Cookie headers name one of the site's private cookies. Over HTTP: {@code dev.byline.web.CacheBypassHttpTest}. */
class BypassTest {

    static final List<String> NAMES = List.of(Bypass.SESSION_COOKIE, Bypass.HELD_COMMENT_COOKIE);

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
        "byline_session=abc                 | true",
        "byline_held=1                      | true",
        "theme=dark; byline_session=abc     | true",
        "theme=dark;byline_held=1           | true",
        "theme=dark;  byline_held = 1       | true",
        "byline_session                     | true",
        "byline_session; theme=dark         | true",
        "theme=dark                         | false",
        "xbyline_session=1                  | false",
        "byline_sessions=1                  | false",
        "byline_held_over=1                 | false",
        "theme=byline_session               | false",
        "note=a byline_held=1               | false",
        "''                                 | false",
    })
    void findsTheCookieByItsName(String header, boolean expected) {
        assertEquals(expected, Bypass.hasCookie(header, NAMES));
    }

    @org.junit.jupiter.api.Test
    void noHeaderNoCookie() {
        assertEquals(false, Bypass.hasCookie(null, NAMES));
    }
}
