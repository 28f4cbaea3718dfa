package dev.byline.web.site;

import dev.byline.error.BadRequest;
import dev.byline.error.NotFound;

/**
 * The {@code page} query parameter. Cases (PageNumberTest): absent → 1; "3" → 3; "0", "-1", "abc", "1.5", "" → 400
 * saying what a page number is; more digits than any real archive could need (over 15) → 404, no such page.
 */
final class PageNumber {

    private PageNumber() {
    }

    static long parse(String raw) {
        if (raw == null) {
            return 1;
        }
        if (raw.isEmpty() || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequest("The page number must be a whole number, 1 or more; '" + raw + "' is not.");
        }
        if (raw.length() > 15) {
            throw new NotFound("There is no page " + raw + ".");
        }
        long page = Long.parseLong(raw);
        if (page < 1) {
            throw new BadRequest("The page number must be a whole number, 1 or more; '" + raw + "' is not.");
        }
        return page;
    }
}
