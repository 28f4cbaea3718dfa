package dev.byline.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which links an author may show: http and https addresses of a host, no tricks, at most ten. */
class AuthorLinksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://amina.example | true",
            "http://amina.example/about?x=1#top | true",
            "HTTPS://Mastodon.example/@amina | true",
            "https://xn--caf-dma.example/ | true",
            "javascript:alert(1) | false",
            "data:text/html,<p>hi</p> | false",
            "ftp://files.example/me | false",
            "mailto:amina@example.org | false",
            "//amina.example | false",
            "amina.example | false",
            "https:// | false",
            "https://newspaper.example@evil.example/ | false",
            "https://amina .example | false"})
    void onlyWebAddressesOfAHost(String link, boolean accepted) {
        assertEquals(accepted, AuthorService.linksProblem(List.of(link)).isEmpty(), link);
    }

    @Test
    void theMessageNamesTheLineAndTheLimitIsTen() {
        assertEquals(Optional.of("Link 2 (ftp://x.example) is not a web address: give one starting with https:// "
                        + "or http://, such as https://example.org/me."),
                AuthorService.linksProblem(List.of("https://a.example", "ftp://x.example")));
        List<String> ten = IntStream.rangeClosed(1, 10).mapToObj(n -> "https://example.org/" + n).toList();
        assertEquals(Optional.empty(), AuthorService.linksProblem(ten));
        var eleven = new java.util.ArrayList<>(ten);
        eleven.add("https://example.org/11");
        assertEquals(Optional.of("Give at most 10 links (there are 11)."), AuthorService.linksProblem(eleven));
        assertEquals(Optional.of("The link is too long: at most 500 characters."),
                AuthorService.linksProblem(List.of("https://example.org/" + "a".repeat(490))));
    }

    @Test
    void linesAreTypedOneAUrl() {
        assertEquals(List.of("https://a.example", "https://b.example"),
                AuthorService.parseLinks(" https://a.example \r\n\r\n\thttps://b.example\n"));
        assertEquals(List.of(), AuthorService.parseLinks(null));
    }
}
