package dev.byline.web.site;

/**
 * The article a render was asked for lives at another address (another date, or it has a new slug): thrown out
 * of the render, so nothing is cached, and answered 301 by {@link ArticleHandler}.
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
