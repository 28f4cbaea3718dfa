package dev.byline.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a custom menu link may point to. */
class MenuLinksTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            // typed                                  | accepted
            "/about/                                   | true",
            "/section/world/?page=2                    | true",
            "/секция/                                  | true",
            "https://example.org/page                  | true",
            "HTTPS://Example.org                       | true",
            "http://localhost:8080/                    | true",
            "mailto:desk@example.org                   | true",
            "''                                        | false",
            "about                                     | false",
            "//evil.example/                           | false",
            "javascript:alert(1)                       | false",
            "JavaScript:alert(1)                       | false",
            "data:text/html,hi                         | false",
            "https://                                  | false",
            "https://nodot/                            | false",
            "mailto:nobody                             | false",
            "/a b/                                     | false",
            "/a\\b/                                    | false",
            "https://example.org/%zz                   | false",
            "ftp://example.org/file                    | false",
    })
    void acceptsSitePathsAndWebAndMailAddressesOnly(String typed, boolean accepted) {
        assertEquals(accepted, MenuLinks.problem(typed).isEmpty(), MenuLinks.problem(typed).orElse("accepted"));
    }
}
