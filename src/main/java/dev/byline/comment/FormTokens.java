package dev.byline.comment;

import dev.byline.account.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The comment form's token: the article and the time the form was made, signed with the site's key (the same on
 * every node, kept in the database). It cannot be forged without the key, is good for one article only, and only
 * inside its window: from the form's time for {@link #VALID}. The time in it gives the rules how long the form was
 * open ({@link ModerationRules}).
 *
 * <p>The form in a cached article page carries a token dated at the start of the current {@link #PERIOD} (six
 * hours), so every render within a period makes the same bytes, and the page expires at the period's end
 * ({@link #pageTokenExpires}), leaving a reader who opened it just then 18 hours to write. The script that moves the
 * form asks for a fresh token of its own, dated to the millisecond, when the reader starts typing
 * ({@code GET /comments/token}), so the minimum time measures the reader; a page's own token (signed apart, so it
 * cannot pass for a fresh one) only proves the form came from this site within the last day: a comment sent with
 * it, by a reader without JavaScript or by a bot that fetched the page, is held for a moderator.
 */
public final class FormTokens {

    /** How long a form may be open before it is sent. */
    static final Duration VALID = Duration.ofHours(24);
    /** The tokens in pages are dated at the start of a period this long; pages expire at its end. */
    public static final Duration PERIOD = Duration.ofHours(6);

    /** What a token said: the form's time, if it is genuine and for this article. */
    public sealed interface Checked {
    }

    /**
     * @param fromPage the token came with the cached page (dated at its period's start), not fresh from the script:
     *                 how long the form was open is unknown
     */
    public record Good(Instant madeAt, boolean fromPage) implements Checked {
    }

    public record Expired() implements Checked {
    }

    public record Forged() implements Checked {
    }

    private final Secrets secrets;
    private final Clock clock;

    public FormTokens(byte[] siteKey, Clock clock) {
        this.secrets = new Secrets(siteKey);
        this.clock = clock;
    }

    /** The token for article {@code articleId}'s page: dated at the start of the current {@link #PERIOD}. */
    public String issueForPage(long articleId) {
        long period = PERIOD.toMillis();
        String payload = articleId + "." + (clock.millis() / period * period);
        return payload + "." + sign(PAGE, payload); // signed apart: it cannot pass for a fresh token
    }

    private static final String PAGE = "page-form";

    /** When the pages made now must be made again, with the next period's token. */
    public Instant pageTokenExpires() {
        long period = PERIOD.toMillis();
        return Instant.ofEpochMilli((clock.millis() / period + 1) * period);
    }

    /** A token for a form shown now under article {@code articleId}. */
    public String issue(long articleId) {
        return issue(articleId, clock.instant());
    }

    /** A token for a form shown at {@code at} (tests and benchmarks make forms opened a while ago). */
    public String issue(long articleId, Instant at) {
        String payload = articleId + "." + at.toEpochMilli();
        return payload + "." + sign(payload);
    }

    public Checked check(long articleId, String token) {
        Optional<Instant> madeAt = genuine(articleId, token, null);
        boolean fromPage = false;
        if (madeAt.isEmpty()) {
            madeAt = genuine(articleId, token, PAGE);
            fromPage = true;
        }
        if (madeAt.isEmpty()) {
            return new Forged();
        }
        Instant now = clock.instant();
        if (madeAt.get().isAfter(now.plusSeconds(60)) || madeAt.get().plus(VALID).isBefore(now)) {
            return new Expired();
        }
        return new Good(madeAt.get(), fromPage);
    }

    /** The token's time, if {@code token} is signed for {@code articleId} (in {@code domain}; null: a fresh one). */
    private Optional<Instant> genuine(long articleId, String token, String domain) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first < 0 || last <= first) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        if (!secrets.verify(domain == null ? FORM : domain, payload, token.substring(last + 1))) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(payload.substring(0, first)) != articleId) {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(payload.substring(first + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The reader's own held comments, for the {@code byline_held} cookie: their ids and until when the cookie
     * stands, signed, so a reader cannot name someone else's comment to see it.
     */
    public String sealHeld(java.util.List<Long> ids, Instant until) {
        String payload = until.toEpochMilli() + "." + ids.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("-"));
        return payload + "." + sign("held-comments", payload);
    }

    /** The ids a {@link #sealHeld} cookie names, while it stands; empty for a forged, broken or old cookie. */
    public java.util.List<Long> openHeld(String cookie) {
        if (cookie == null || cookie.length() > 1000) {
            return java.util.List.of();
        }
        int last = cookie.lastIndexOf('.');
        int first = cookie.indexOf('.');
        if (first < 0 || last <= first) {
            return java.util.List.of();
        }
        String payload = cookie.substring(0, last);
        if (!secrets.verify("held-comments", payload, cookie.substring(last + 1))) {
            return java.util.List.of();
        }
        try {
            if (Long.parseLong(payload.substring(0, first)) < clock.millis()) {
                return java.util.List.of();
            }
            return java.util.Arrays.stream(payload.substring(first + 1).split("-")).filter(id -> !id.isEmpty())
                    .map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            return java.util.List.of();
        }
    }

    String sign(String payload) {
        return sign(FORM, payload);
    }

    private static final String FORM = "comment-form";

    /** Whether {@code signature} is {@code payload}'s under {@code purpose}, compared in constant time. */
    boolean verify(String purpose, String payload, String signature) {
        return secrets.verify(purpose, payload, signature);
    }

    /** HMAC-SHA256 under a purpose of its own, so no other signature of the site's key passes for a token. */
    String sign(String purpose, String payload) {
        return secrets.sign(purpose, payload);
    }
}
