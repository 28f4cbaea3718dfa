package dev.byline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pastes as they come from Word (its clipboard HTML: conditional comments, mso styles, list paragraphs), Google
 * Docs (a non-bold {@code <b>} around everything, bold and italic as span styles) and a web page (scripts, styles,
 * handlers, a javascript: link, a tracking pixel): each as the Markdown an editor would have typed.
 */
class PastedHtmlTest {

    private final PastedHtml pasted = new PastedHtml();

    @Test
    void wordKeepsHeadingsParagraphsEmphasisLinksAndBothKindsOfList() throws IOException {
        assertEquals("""
                ## Flood defences hold

                The river rose **two metres** overnight, and *nobody* was hurt.

                Read the [council's report](https://example.org/report).

                ## What happens next

                - Sandbags stay until Friday
                - Roads reopen on Monday

                Steps for residents:

                1. Check the map
                2. Call the helpline""", pasted.toMarkdown(resource("word.html")));
    }

    @Test
    void googleDocsStylesBecomeBoldAndItalic() throws IOException {
        assertEquals("""
                ## Budget talks stall

                The minister said the deal was **not dead**, only *resting*.

                - Tax on fuel
                - [Pensions](https://example.org/pensions)""", pasted.toMarkdown(resource("google-docs.html")));
    }

    @Test
    void aWebPageLosesScriptsStylesHandlersAndDangerousLinks() throws IOException {
        String markdown = pasted.toMarkdown(resource("web-page.html"));
        // a relative link means nothing on this site: its text stays, the link goes
        assertEquals("""
                Home

                ### A quieter street

                Traffic fell by **a third** after the *trial*.

                > It is calmer now.

                Click me and [see the map](https://example.org/map).""", markdown);
        for (String gone : new String[] {"alert", "cookie", "steal", "color", "javascript", "tracker", "ads.example"}) {
            assertFalse(markdown.contains(gone), gone + " in:\n" + markdown);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <p>plain</p>                                  | plain
            <p>a<br>b</p>                                 | 'a  \nb'
            <div>one</div><div>two</div>                  | 'one\n\ntwo'
            <h1>Top</h1>                                  | '## Top'
            <script>x()</script>                          | ''
            <p>was <em>a</em>, b <em>c</em>.</p>          | was *a*, b *c*.
            <p>5 * 3 = 15</p>                             | 5 \\* 3 = 15
            """)
    void smallPieces(String html, String markdown) {
        assertEquals(markdown.replace("\\n", "\n"), pasted.toMarkdown(html));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PastedHtmlTest.class.getResourceAsStream("/paste/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
