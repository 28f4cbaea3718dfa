package dev.byline.comment;

import dev.byline.error.Invalid;
import dev.byline.mail.Mail;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A comment's fields checked and its text made safe. Lengths are WordPress's (name 245, email 100, website 200,
 * text 65,525 characters); messages say which limit and by how much. The text is plain text with paragraphs
 * (a blank line) and line breaks, plus a small allow-list of tags: {@code a}, {@code em}, {@code strong},
 * {@code code}, {@code blockquote}, stricter than the article body's; jsoup's cleaner drops everything else
 * (scripts with their content, attributes, styles), links keep only http, https and mailto addresses and get
 * {@code rel="nofollow ugc"}. What was typed is stored as typed; only the cleaned HTML is ever shown.
 */
public final class CommentText {

    static final int NAME_MAX = 245;
    static final int EMAIL_MAX = 100;
    static final int URL_MAX = 200;
    static final int TEXT_MAX = 65_525;

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "a", "em", "strong", "code", "blockquote")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow ugc");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    /** The fields as checked: trimmed, the email in lower case, the website with its scheme. */
    public record Checked(String name, String email, String url, String text) {
    }

    private CommentText() {
    }

    /**
     * @param staff a signed-in member of staff: name and email come from their account, only the text is checked
     * @throws Invalid with a message for each field that is wrong
     */
    public static Checked check(String name, String email, String url, String text, boolean staff) {
        var errors = new LinkedHashMap<String, String>();
        String body = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (body.isEmpty()) {
            errors.put("comment", "Please type your comment.");
        } else if (tooLong(body, TEXT_MAX, "comment", "Your comment", errors)) {
            // said
        } else if (body.indexOf('\uFFFD') >= 0) {
            errors.put("comment", "Your comment has characters that could not be read (not valid UTF-8). Please "
                    + "type them again.");
        } else if (body.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.put("comment", "Your comment has control characters in it. Please remove them.");
        }
        if (staff) {
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
            return new Checked(name, email, "", body);
        }
        String checkedName = oneLine(name, "author", "your name", NAME_MAX, errors);
        String checkedEmail = oneLine(email, "email", "your email address", EMAIL_MAX, errors)
                .toLowerCase(Locale.ROOT);
        if (!errors.containsKey("email") && !Mail.isAddress(checkedEmail)) {
            errors.put("email", "Please enter a valid email address, such as name@example.org.");
        }
        String checkedUrl = website(url == null ? "" : url.strip(), errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new Checked(checkedName, checkedEmail, checkedUrl, body);
    }

    /** The text as pages show it: paragraphs, line breaks and the allow-list, everything else removed. */
    public static String html(String text) {
        String escapedBreaks = text.strip().replaceAll("\n{2,}", "\u0000P").replace("\n", "<br>")
                .replace("\u0000P", "</p><p>");
        return Jsoup.clean("<p>" + escapedBreaks + "</p>", "", ALLOWED, OUTPUT).replace("<p></p>", "");
    }

    /** Text with no tags at all, for mail and the queue's excerpt. */
    public static String plain(String html) {
        return Jsoup.parse(html).text();
    }

    private static String oneLine(String typed, String field, String what, int max, Map<String, String> errors) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            errors.put(field, "Please enter " + what + ".");
        } else if (tooLong(value, max, field, capitalised(what), errors)) {
            return value;
        } else if (value.codePoints().anyMatch(Character::isISOControl)) {
            errors.put(field, capitalised(what) + " must be one line, without control characters.");
        } else if (value.indexOf('\uFFFD') >= 0) {
            errors.put(field, capitalised(what) + " has characters that could not be read. Please type it again.");
        }
        return value;
    }

    private static String website(String typed, Map<String, String> errors) {
        if (typed.isEmpty()) {
            return "";
        }
        if (tooLong(typed, URL_MAX, "url", "Your website's address", errors)) {
            return typed;
        }
        String url = typed.matches("(?i)^https?://.*") ? typed : "https://" + typed;
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !uri.getHost().contains(".") || typed.codePoints().anyMatch(
                    c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new URISyntaxException(url, "no host");
            }
        } catch (URISyntaxException e) {
            errors.put("url", "Please enter a web address such as https://example.org, or leave it empty.");
        }
        return url;
    }

    private static boolean tooLong(String value, int max, String field, String what, Map<String, String> errors) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            errors.put(field, what + " is " + String.format(Locale.ROOT, "%,d", length) + " characters long; the "
                    + "limit is " + String.format(Locale.ROOT, "%,d", max) + ".");
            return true;
        }
        return false;
    }

    private static String capitalised(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
