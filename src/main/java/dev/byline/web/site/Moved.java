package dev.byline.web.site;

/**
 * What a render was asked for lives at another address (an article with another date or a new slug, a section or
 * tag renamed or merged since): thrown out of the render, so nothing is cached, and answered 301 by
 * {@link ArticleHandler} and {@link ArchiveHandlers}.
 */
final class Moved extends RuntimeException {

    private final String path;

    Moved(String path) {
        super(path, null, false, false);
        this.path = path;
    }

    String path() {
        return path;
    }
}
