package dev.byline.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.media.Media;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyRendererTest {

    static final Media PHOTO = new Media(7, "2026/11/moscow-ab12cd34.jpg", "image/jpeg", 1600, 900,
            List.of(400, 800, 1200), "Stored alt", "Stored caption", "", Instant.EPOCH);
    final BodyRenderer renderer = new BodyRenderer(paths -> paths.contains(PHOTO.path())
            ? Map.of(PHOTO.path(), PHOTO) : Map.of());

    @Test
    void anImageAloneInItsParagraphIsAFigureWithCaption() {
        var rendered = renderer.render("Lede.\n\n![Delegates in Moscow](/media/2026/11/moscow-ab12cd34.jpg \"Representatives pose\")\n");
        String html = rendered.html();
        assertTrue(html.contains("<figure><img src=\"/media/2026/11/moscow-ab12cd34-800w.jpg\""), html);
        assertTrue(html.contains("srcset=\"/media/2026/11/moscow-ab12cd34-400w.jpg 400w, "), html);
        assertTrue(html.contains("width=\"1600\" height=\"900\" alt=\"Delegates in Moscow\" loading=\"lazy\""), html);
        assertTrue(html.contains("<figcaption>Representatives pose</figcaption></figure>"), html);
        assertEquals("Lede.", rendered.firstParagraph());
        assertEquals(java.util.Set.of(7L), rendered.mediaIds());
    }

    @Test
    void aFigureWithoutTitleTakesTheStoredCaptionAndAlt() {
        String html = renderer.render("![](/media/2026/11/moscow-ab12cd34.jpg)").html();
        assertTrue(html.contains("alt=\"Stored alt\""), html);
        assertTrue(html.contains("<figcaption>Stored caption</figcaption>"), html);
    }

    @Test
    void anImageInsideTextStaysInline() {
        String html = renderer.render("Look ![x](/media/2026/11/moscow-ab12cd34.jpg) here").html();
        assertFalse(html.contains("<figure>"), html);
        assertTrue(html.startsWith("<p>Look <img"), html);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "<script>alert(1)</script>ok                      | <script",
            "<img src=x onerror=alert(1)>                     | onerror",
            "[click](javascript:alert(1))                     | javascript:",
            "<a href=\"javascript:alert(1)\">x</a>            | javascript:",
            "<iframe src=\"https://evil.example\"></iframe>   | <iframe",
            "<p style=\"position:fixed\">x</p>                | style=",
            "<svg onload=alert(1)></svg>                      | <svg",
            "<form action=/x><input name=a></form>            | <form",
    })
    void rawHtmlIsSanitised(String markdown, String forbidden) {
        String html = renderer.render(markdown).html();
        assertFalse(html.contains(forbidden), html);
    }

    @Test
    void keepsWhatNewsNeeds() {
        String html = renderer.render("""
                ## Section

                > A quote, *emphasised*.

                | a | b |
                |---|---|

                [A link](https://example.com/x) and <mark>marked</mark>.
                """).html();
        assertTrue(html.contains("<h2 id=\"section\">Section</h2>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<a href=\"https://example.com/x\">A link</a>"), html);
        assertTrue(html.contains("<mark>marked</mark>"), html);
    }
}
