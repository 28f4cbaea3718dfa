package dev.byline.article;

import dev.byline.media.Media;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Article bodies: CommonMark in, sanitised HTML out. An image standing alone in its paragraph is a figure:
 * {@code ![alt text](/media/2026/11/photo.jpg "Caption")} becomes {@code <figure>} with a responsive {@code <img>}
 * (srcset, width, height, lazy) and a {@code <figcaption>}. Every body goes through an allow-list, so raw HTML in
 * Markdown can add emphasis or a table but never a script, a style or an event handler.
 */
public final class BodyRenderer {

    /** How wide a figure is laid out: the article column, or the whole phone screen. */
    static final String FIGURE_SIZES = "(min-width: 48rem) 44rem, 100vw";

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "del", "ins", "mark", "abbr", "cite")
            .addAttributes("img", "srcset", "sizes", "loading", "decoding")
            .addAttributes("h2", "id").addAttributes("h3", "id").addAttributes("h4", "id")
            .addAttributes("abbr", "title")
            .preserveRelativeLinks(true);

    private final Parser parser = Parser.builder().build();
    private final Function<Collection<String>, Map<String, Media>> mediaByPath;

    public BodyRenderer(Function<Collection<String>, Map<String, Media>> mediaByPath) {
        this.mediaByPath = mediaByPath;
    }

    public record Rendered(String html, String firstParagraph, Set<Long> mediaIds) {
    }

    public Rendered render(String markdown) {
        return render(markdown, mediaByPath);
    }

    /**
     * Renders with another view of the media: inside a transaction that has just changed an image, the body must
     * be rendered with the image as it is about to be committed.
     */
    public Rendered render(String markdown, Function<Collection<String>, Map<String, Media>> lookup) {
        Node document = parser.parse(markdown);
        Map<String, Media> media = lookup.apply(mediaPaths(document));
        String html = HtmlRenderer.builder()
                .extensions(List.of(HeadingAnchorExtension.create()))
                .nodeRendererFactory(context -> new FigureRenderer(context, media))
                .build()
                .render(document);
        String clean = Jsoup.clean(html, "https://byline.invalid/", ALLOWED,
                new Document.OutputSettings().prettyPrint(false));
        var ids = new LinkedHashSet<Long>();
        media.values().forEach(item -> ids.add(item.id()));
        return new Rendered(clean, firstParagraph(document), ids);
    }

    /**
     * The address of the first image in the body without alt text, the words a reader who cannot see it hears;
     * empty when every image has some. An image of the library written without any ({@code ![](/media/…)}) takes
     * the library's, so it counts as described when the library has one.
     */
    public Optional<String> imageWithoutAlt(String markdown) {
        var missing = new ArrayList<String>();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (plainText(image).isBlank()) {
                    missing.add(image.getDestination());
                }
            }
        });
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Media> library = mediaByPath.apply(missing.stream()
                .filter(destination -> destination.startsWith(Media.URL_PREFIX))
                .map(destination -> destination.substring(Media.URL_PREFIX.length())).toList());
        return missing.stream().filter(destination -> {
            Media item = destination.startsWith(Media.URL_PREFIX)
                    ? library.get(destination.substring(Media.URL_PREFIX.length())) : null;
            return item == null || item.alt().isBlank();
        }).findFirst();
    }

    private static Set<String> mediaPaths(Node document) {
        var paths = new LinkedHashSet<String>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String destination = image.getDestination();
                if (destination.startsWith(Media.URL_PREFIX)) {
                    paths.add(destination.substring(Media.URL_PREFIX.length()));
                }
            }
        });
        return paths;
    }

    private static String firstParagraph(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph && soleImage(node) == null) {
                return TextContentRenderer.builder().build().render(node).strip();
            }
        }
        return "";
    }

    /** The image when the paragraph holds nothing else, else null. */
    private static Image soleImage(Node paragraph) {
        Image image = null;
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Image found && image == null) {
                image = found;
            } else if (!(child instanceof SoftLineBreak) && !(child instanceof Text text && text.getLiteral().isBlank())) {
                return null;
            }
        }
        return image;
    }

    private static String plainText(Node node) {
        var text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }
        });
        return text.toString();
    }

    private static final class FigureRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final Map<String, Media> media;

        FigureRenderer(HtmlNodeRendererContext context, Map<String, Media> media) {
            this.context = context;
            this.html = context.getWriter();
            this.media = media;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Paragraph.class);
        }

        @Override
        public void render(Node paragraph) {
            Image image = soleImage(paragraph);
            if (image != null) {
                renderFigure(image);
                return;
            }
            boolean tight = paragraph.getParent() != null && paragraph.getParent().getParent() instanceof ListBlock list
                    && list.isTight();
            if (!tight) {
                html.line();
                html.tag("p");
            }
            for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            if (!tight) {
                html.tag("/p");
                html.line();
            }
        }

        private void renderFigure(Image image) {
            String destination = image.getDestination();
            Media item = destination.startsWith(Media.URL_PREFIX)
                    ? media.get(destination.substring(Media.URL_PREFIX.length())) : null;
            String alt = plainText(image).strip();
            String caption = image.getTitle() != null && !image.getTitle().isBlank() ? image.getTitle().strip()
                    : item != null ? item.caption() : "";
            var attributes = new java.util.LinkedHashMap<String, String>();
            if (item != null) {
                attributes.put("src", item.urlAtLeast(800));
                attributes.put("srcset", item.srcset());
                attributes.put("sizes", FIGURE_SIZES);
                attributes.put("width", String.valueOf(item.width()));
                attributes.put("height", String.valueOf(item.height()));
                attributes.put("alt", alt.isEmpty() ? item.alt() : alt);
            } else {
                attributes.put("src", context.encodeUrl(destination));
                attributes.put("alt", alt);
            }
            attributes.put("loading", "lazy");
            attributes.put("decoding", "async");
            html.line();
            html.tag("figure");
            html.tag("img", attributes, true);
            if (!caption.isEmpty()) {
                html.tag("figcaption");
                html.text(caption);
                html.tag("/figcaption");
            }
            html.tag("/figure");
            html.line();
        }
    }
}
