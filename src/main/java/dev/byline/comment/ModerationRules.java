package dev.byline.comment;

import dev.byline.settings.Settings.Discussion;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What becomes of a comment that was let in (see {@link CommentService#post} for what is refused before: bad
 * fields, a forged or expired form, a closed discussion, a reply to an unapproved comment, a duplicate, the flood
 * and bucket limits). A pure function of the comment and what is known about its sender, so the table below is
 * tested as a table ({@code ModerationRulesTest}). The first row that matches decides; its reason is stored with
 * the comment and shown in the queue.
 *
 * <pre>
 * input                                                       → decision  reason (as stored)
 * ----------------------------------------------------------- ----------- -------------------------------------------
 * signed-in staff who may moderate the article                → approved  "Staff: may moderate this article."
 * the hidden honeypot field filled in                         → spam      "The hidden field only robots see was filled in."
 * posted sooner than the minimum after the form was shown     → spam      "Posted 1 s after the form was shown (the minimum is 3 s)."
 * a disallowed word in name, email, URL, text, IP or browser  → spam      "Disallowed word “casino” in the text."
 * BBCode link markup ([url=…], [link=…]) in the text           → spam      "BBCode link markup in the text."
 * a web address in the name                                    → spam      "A web address in the name."
 * 10 links or more                                             → spam      "12 links (10 or more is spam)."
 * manual moderation on                                         → held      "Manual moderation is on."
 * as many links as the limit or more (limit 0: rule off)       → held      "2 links (the limit is 2)."
 * a moderation word in name, email, URL, text, IP or browser   → held      "Moderation word “loan” in the email."
 * "previously approved" on and none from this name and email   → held      "First comment from this name and email."
 * anything else                                                → approved  "Passed every rule."
 * </pre>
 *
 * WordPress's meaning throughout: links are counted as it counts them (each {@code <a href}, after its display
 * filter has made raw {@code http://}, {@code https://} and {@code www.} addresses into links); words match case-insensitively anywhere, inside other words too; a blank line
 * in a list matches nothing.
 */
public final class ModerationRules {

    /** A comment with this many links or more is spam, whatever the hold limit. */
    static final int SPAM_LINKS = 10;
    private static final Pattern ANCHOR = Pattern.compile("(?is)<a\\s[^>]*href.*?(</a>|$)");
    private static final Pattern RAW_ADDRESS = Pattern.compile("(?i)(?<![\\w/.@-])(https?://|www\\.)[^\\s<>\"']+");
    private static final Pattern BBCODE_LINK = Pattern.compile("(?i)\\[(url|link)[=\\]]");
    private static final Pattern ADDRESS_IN_NAME = Pattern.compile("(?i)(https?:)?//|www\\.|\\.(com|net|ru|xyz)\\b");

    /**
     * What is known when the rules run.
     *
     * @param secondsSinceForm   how long the form was open before it was sent
     * @param minimumSeconds     the least time a person takes
     * @param moderator          the sender is signed-in staff who may moderate this article
     * @param previouslyApproved the same name and email have an approved comment
     */
    public record Facts(String name, String email, String url, String text, String ip, String userAgent,
                        String honeypot, long secondsSinceForm, long minimumSeconds, boolean moderator,
                        boolean previouslyApproved) {
    }

    private ModerationRules() {
    }

    public static Decision decide(Facts facts, Discussion settings) {
        if (facts.moderator()) {
            return Decision.approved("Staff: may moderate this article.");
        }
        if (!facts.honeypot().isEmpty()) {
            return Decision.spam("The hidden field only robots see was filled in.");
        }
        if (facts.secondsSinceForm() < facts.minimumSeconds()) {
            return Decision.spam("Posted " + facts.secondsSinceForm() + " s after the form was shown (the minimum is "
                    + facts.minimumSeconds() + " s).");
        }
        Optional<String> disallowed = matchingWord(settings.disallowedKeys(), facts);
        if (disallowed.isPresent()) {
            return Decision.spam("Disallowed word " + disallowed.get() + ".");
        }
        if (BBCODE_LINK.matcher(facts.text()).find()) {
            return Decision.spam("BBCode link markup in the text.");
        }
        if (ADDRESS_IN_NAME.matcher(facts.name()).find()) {
            return Decision.spam("A web address in the name.");
        }
        int links = links(facts.text());
        if (links >= SPAM_LINKS) {
            return Decision.spam(links + " links (" + SPAM_LINKS + " or more is spam).");
        }
        if (settings.manualModeration()) {
            return Decision.held("Manual moderation is on.");
        }
        if (settings.linkLimit() > 0 && links >= settings.linkLimit()) {
            return Decision.held(links + (links == 1 ? " link" : " links") + " (the limit is " + settings.linkLimit()
                    + ").");
        }
        Optional<String> moderation = matchingWord(settings.moderationKeys(), facts);
        if (moderation.isPresent()) {
            return Decision.held("Moderation word " + moderation.get() + ".");
        }
        if (settings.previouslyApproved() && !facts.previouslyApproved()) {
            return Decision.held("First comment from this name and email.");
        }
        return Decision.approved("Passed every rule.");
    }

    /**
     * Links as WordPress counts them: each anchor with an href, and each raw address its display filter would make
     * a link of ({@code http://…}, {@code https://…}, {@code www.…}); an address that is an anchor's text counts once,
     * and a {@code //} that starts no address (a code comment) not at all.
     */
    static int links(String text) {
        Matcher anchors = ANCHOR.matcher(text);
        int count = 0;
        var rest = new StringBuilder();
        while (anchors.find()) {
            count++;
            anchors.appendReplacement(rest, " ");
        }
        anchors.appendTail(rest);
        Matcher raw = RAW_ADDRESS.matcher(rest);
        while (raw.find()) {
            count++;
        }
        return count;
    }

    /** The first word of {@code list} found in a field, as "“word” in the field", or empty. */
    static Optional<String> matchingWord(String list, Facts facts) {
        String[][] fields = {{"the name", facts.name()}, {"the email", facts.email()}, {"the website", facts.url()},
                {"the text", facts.text()}, {"the IP address", facts.ip()}, {"the browser", facts.userAgent()}};
        for (String line : list.split("\n")) {
            String word = line.strip().toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                continue;
            }
            for (String[] field : fields) {
                if (field[1].toLowerCase(Locale.ROOT).contains(word)) {
                    return Optional.of("“" + line.strip() + "” in " + field[0]);
                }
            }
        }
        return Optional.empty();
    }
}
