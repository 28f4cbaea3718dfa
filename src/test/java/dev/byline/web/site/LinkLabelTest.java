package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkLabelTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://www.amina.example/ | amina.example",
            "http://mastodon.example/@amina | mastodon.example/@amina",
            "HTTPS://WWW.Example.org/me/ | Example.org/me",
            "https://example.org/a/very/long/path/that/goes/on/and/on/and/on/for/ever/and/ever | "
                    + "example.org/a/very/long/path/that/goes/on/and/on/and/on/for…"})
    void anAddressAsAReaderRecognisesIt(String url, String label) {
        assertEquals(label, SiteViews.linkLabel(url));
    }
}
