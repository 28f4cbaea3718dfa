package dev.byline.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.byline.error.Invalid;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checking the fields (WordPress's limits) and making the text safe, as tables. */
class CommentTextTest {

    static Stream<Arguments> html() {
        return Stream.of(
                Arguments.of("Plain words.", "<p>Plain words.</p>"),
                Arguments.of("One\ntwo\n\n\nThree", "<p>One<br>two</p><p>Three</p>"),
                Arguments.of("a < b & c > d", "<p>a &lt; b &amp; c &gt; d</p>"),
                Arguments.of("<script>alert(1)</script>Hi", "<p>Hi</p>"),
                Arguments.of("<em onclick=\"x()\">so</em> <strong>very</strong> <code>x</code>",
                        "<p><em>so</em> <strong>very</strong> <code>x</code></p>"),
                Arguments.of("<a href=\"https://example.org/\" target=\"_blank\">there</a>",
                        "<p><a href=\"https://example.org/\" rel=\"nofollow ugc\">there</a></p>"),
                Arguments.of("<a href=\"javascript:alert(1)\">x</a>", "<p><a rel=\"nofollow ugc\">x</a></p>"),
                Arguments.of("<img src=x onerror=alert(1)><h1>Big</h1><blockquote>Quoted</blockquote>",
                        "Big<blockquote>Quoted</blockquote>"),
                Arguments.of("<style>p{}</style><iframe src=\"//evil\"></iframe>ok", "<p>ok</p>"));
    }

    @ParameterizedTest
    @MethodSource
    void html(String typed, String shown) {
        assertEquals(shown, CommentText.html(typed));
    }

    static Stream<Arguments> refused() {
        String ok = "fine";
        return Stream.of(
                Arguments.of("", "a@example.org", "", ok, "author", "Please enter your name."),
                Arguments.of("Jo", "", "", ok, "email", "Please enter your email address."),
                Arguments.of("Jo", "not-an-address", "", ok, "email",
                        "Please enter a valid email address, such as name@example.org."),
                Arguments.of("Jo", "a@example.org", "", "  ", "comment", "Please type your comment."),
                Arguments.of("J".repeat(246), "a@example.org", "", ok, "author",
                        "Your name is 246 characters long; the limit is 245."),
                Arguments.of("Jo", "a".repeat(95) + "@x.org", "", ok, "email",
                        "Your email address is 101 characters long; the limit is 100."),
                Arguments.of("Jo", "a@example.org", "https://x.org/" + "a".repeat(190), ok, "url",
                        "Your website's address is 204 characters long; the limit is 200."),
                Arguments.of("Jo", "a@example.org", "not a site", ok, "url",
                        "Please enter a web address such as https://example.org, or leave it empty."),
                Arguments.of("Jo", "a@example.org", "", "x".repeat(65_526), "comment",
                        "Your comment is 65,526 characters long; the limit is 65,525."),
                Arguments.of("Jo", "a@example.org", "", "bell\u0007", "comment",
                        "Your comment has control characters in it. Please remove them."),
                Arguments.of("Jo", "a@example.org", "", "broken \uFFFD bytes", "comment",
                        "Your comment has characters that could not be read (not valid UTF-8). Please type them "
                                + "again."),
                Arguments.of("Jo\nBloggs", "a@example.org", "", ok, "author",
                        "Your name must be one line, without control characters."));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String name, String email, String url, String text, String field, String message) {
        Invalid invalid = assertThrows(Invalid.class, () -> CommentText.check(name, email, url, text, false));
        assertEquals(message, invalid.fieldErrors().get(field), invalid.fieldErrors().toString());
    }

    @Test
    void everyFieldIsCheckedAtOnceAndWhatPassesIsTidied() {
        Invalid invalid = assertThrows(Invalid.class, () -> CommentText.check("", "", "", "", false));
        assertEquals(Map.of("author", "Please enter your name.", "email", "Please enter your email address.",
                "comment", "Please type your comment."), invalid.fieldErrors());
        assertEquals(new CommentText.Checked("Jo", "jo@example.org", "https://jo.example.org", "Hi\nthere"),
                CommentText.check(" Jo ", "Jo@Example.org", "jo.example.org", "\r\nHi\r\nthere  ", false));
        assertEquals(65_525, CommentText.check("Jo", "jo@example.org", "", "x".repeat(65_525), false).text()
                .length());
    }
}
