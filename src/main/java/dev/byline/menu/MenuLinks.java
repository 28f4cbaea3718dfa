package dev.byline.menu;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a custom link in a menu may point to: a path on this site ({@code /about/}, {@code /section/world/}), or an
 * {@code http}, {@code https} or {@code mailto} address. Anything else ({@code javascript:}, {@code data:}, a
 * protocol-relative {@code //host}, spaces, control characters) is refused with a message saying what to type.
 */
final class MenuLinks {

    static final int MAX = 500;

    private MenuLinks() {
    }

    /** The address as it will be stored (trimmed), or empty with {@link #problem} to say why not. */
    static Optional<String> checked(String typed) {
        return problem(typed).isEmpty() ? Optional.of(typed.strip()) : Optional.empty();
    }

    /** What is wrong with {@code typed} as a menu link, or empty when it is fine. */
    static Optional<String> problem(String typed) {
        String url = typed == null ? "" : typed.strip();
        if (url.isEmpty()) {
            return Optional.of("Type the address to link to: a path on this site such as /about/, or an address "
                    + "starting with https://.");
        }
        if (url.length() > MAX) {
            return Optional.of("Keep the address under " + MAX + " characters.");
        }
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '\\')) {
            return Optional.of("An address has no spaces or backslashes in it.");
        }
        if (url.startsWith("/")) {
            return url.startsWith("//") ? Optional.of("Start a path on this site with one slash, e.g. /about/; "
                    + "another site's address starts with https://.") : parses(url);
        }
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        switch (scheme) {
            case "http", "https" -> {
                Optional<String> broken = parses(url);
                if (broken.isPresent()) {
                    return broken;
                }
                String host = URI.create(url).getHost();
                return host == null || host.isEmpty() || !host.contains(".") && !host.equals("localhost")
                        ? Optional.of("That address has no site name in it, e.g. https://example.org/page.")
                        : Optional.empty();
            }
            case "mailto" -> {
                return url.length() > 7 && url.indexOf('@') > 7 ? parses(url)
                        : Optional.of("Write an email link as mailto:desk@example.org.");
            }
            default -> {
                return Optional.of("Use a path on this site such as /about/, or an address starting with https://, "
                        + "http:// or mailto:.");
            }
        }
    }

    private static Optional<String> parses(String url) {
        try {
            new URI(url);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("That address is not well formed (" + e.getReason() + " at character "
                    + (e.getIndex() + 1) + ").");
        }
    }
}
