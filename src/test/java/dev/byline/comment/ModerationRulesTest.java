package dev.byline.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.byline.comment.ModerationRules.Facts;
import dev.byline.settings.Settings.Discussion;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of {@link ModerationRules}, row by row: what comes in, what is decided, and the reason stored. */
class ModerationRulesTest {

    static final Discussion WORDPRESS = Discussion.DEFAULTS;
    static final Discussion NOTHING_REQUIRED = new Discussion(false, 2, "", "", false, 0, 5, 50, 30);
    static final Discussion MANUAL = new Discussion(true, 2, "", "", false, 0, 5, 50, 30);
    static final Discussion WORDS = new Discussion(false, 2, "loan\n\n  Press \n", "casino\n203.0.113.", false, 0,
            5, 50, 30);
    static final Discussion NO_LINK_LIMIT = new Discussion(false, 0, "", "", false, 0, 5, 50, 30);

    /** A reader who took a minute over it, known to the site. */
    static Facts reader(String text) {
        return new Facts("Nadia Petrova", "nadia@example.org", "", text, "198.51.100.7", "Firefox", "", 60, 3, false,
                true);
    }

    static Facts with(Facts f, String name, String email, String url, String ip, String agent, String honeypot,
                      long seconds, boolean moderator, boolean previouslyApproved) {
        return new Facts(name == null ? f.name() : name, email == null ? f.email() : email,
                url == null ? f.url() : url, f.text(), ip == null ? f.ip() : ip, agent == null ? f.userAgent() : agent,
                honeypot == null ? f.honeypot() : honeypot, seconds < 0 ? f.secondsSinceForm() : seconds,
                f.minimumSeconds(), moderator, previouslyApproved);
    }

    static Stream<Arguments> table() {
        Facts plain = reader("Legitimacy requires responsible governance.");
        return Stream.of(
                // staff who moderate the article: approved whatever the rules say
                Arguments.of(with(reader("casino casino http://a http://b"), null, null, null, null, null, "x", 0,
                        true, false), MANUAL, CommentStatus.APPROVED, "Staff: may moderate this article."),
                Arguments.of(with(plain, null, null, null, null, null, "http://spam", -1, false, true), WORDPRESS,
                        CommentStatus.SPAM, "The hidden field only robots see was filled in."),
                Arguments.of(with(plain, null, null, null, null, null, null, 1, false, true), WORDPRESS,
                        CommentStatus.SPAM, "Posted 1 s after the form was shown (the minimum is 3 s)."),
                Arguments.of(with(plain, null, null, null, null, null, null, 3, false, true), WORDPRESS,
                        CommentStatus.APPROVED, "Passed every rule."),
                Arguments.of(reader("Try our CASINO now"), WORDS, CommentStatus.SPAM,
                        "Disallowed word “casino” in the text."),
                Arguments.of(with(plain, null, null, null, "203.0.113.9", null, null, -1, false, true), WORDS,
                        CommentStatus.SPAM, "Disallowed word “203.0.113.” in the IP address."),
                Arguments.of(reader("[url=http://x.test]cheap[/url]"), NOTHING_REQUIRED, CommentStatus.SPAM,
                        "BBCode link markup in the text."),
                Arguments.of(with(plain, "Best Loans www.loans.test", null, null, null, null, null, -1, false, true),
                        NOTHING_REQUIRED, CommentStatus.SPAM, "A web address in the name."),
                Arguments.of(reader("http://a ".repeat(10)), NO_LINK_LIMIT, CommentStatus.SPAM,
                        "10 links (10 or more is spam)."),
                Arguments.of(plain, MANUAL, CommentStatus.PENDING, "Manual moderation is on."),
                Arguments.of(reader("See https://a.test and www.b.test"), WORDPRESS, CommentStatus.PENDING,
                        "2 links (the limit is 2)."),
                Arguments.of(reader("See <a href=\"https://a.test\">https://a.test</a>, the list"), WORDPRESS,
                        CommentStatus.APPROVED, "Passed every rule."), // one link, its address as its text
                Arguments.of(reader("<A HREF='https://a.test'>a</A> and <a href=\"//b.test\">b</a>"), WORDPRESS,
                        CommentStatus.PENDING, "2 links (the limit is 2)."),
                Arguments.of(reader("In code:\n// one\n// two\nx = a//b;"), WORDPRESS, CommentStatus.APPROVED,
                        "Passed every rule."), // comments in code are no links
                Arguments.of(reader("See https://a.test"), WORDPRESS, CommentStatus.APPROVED, "Passed every rule."),
                Arguments.of(reader("See https://a.test and https://b.test"), NO_LINK_LIMIT, CommentStatus.APPROVED,
                        "Passed every rule."),
                Arguments.of(with(plain, null, "payday-loans@example.org", null, null, null, null, -1, false, true),
                        WORDS, CommentStatus.PENDING, "Moderation word “loan” in the email."),
                Arguments.of(with(plain, null, null, null, null, "WordPress/6.1", null, -1, false, true), WORDS,
                        CommentStatus.PENDING, "Moderation word “Press” in the browser."),
                Arguments.of(with(plain, null, null, null, null, null, null, -1, false, false), WORDPRESS,
                        CommentStatus.PENDING, "First comment from this name and email."),
                Arguments.of(with(plain, null, null, null, null, null, null, -1, false, false), NOTHING_REQUIRED,
                        CommentStatus.APPROVED, "Passed every rule."),
                Arguments.of(plain, WORDPRESS, CommentStatus.APPROVED, "Passed every rule."));
    }

    @ParameterizedTest
    @MethodSource("table")
    void decides(Facts facts, Discussion settings, CommentStatus status, String reason) {
        assertEquals(new Decision(status, reason), ModerationRules.decide(facts, settings));
    }
}
