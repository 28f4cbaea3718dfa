package dev.byline.wordpress;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0–1.2) as a stream, one record at a time, so a file of any size is read in
 * bounded memory: the site's authors and terms from the channel, then each item with its categories, meta and
 * comments. The JDK's StAX parser reads it with DTDs and external entities off: a file declaring a DTD (an entity
 * "bomb", an external entity pointing at the server's files) is refused, never expanded.
 */
public final class WxrReader {

    /** The file is not a well-formed export; {@code line} and {@code column} say where. */
    public static final class Malformed extends RuntimeException {
        public final int line;
        public final int column;

        Malformed(String message, int line, int column) {
            super("The file is not a WordPress export that can be read: " + message
                    + (line > 0 ? " (line " + line + ", column " + column + ")" : "") + ". Nothing was imported.");
            this.line = line;
            this.column = column;
        }
    }

    /** What the reader hands on, in file order. */
    public sealed interface Record permits Site, Person, Term, Item {
    }

    /** The exported site: its address and language. */
    public record Site(String title, String link, String baseBlogUrl, String language) implements Record {
    }

    /** An author of the exported site. */
    public record Person(String login, String email, String displayName) implements Record {
    }

    /** A category ({@code parent} the parent's slug, or empty) or a tag. */
    public record Term(boolean category, long id, String slug, String name, String parent, String description)
            implements Record {
    }

    /** A category or tag an item is filed under. */
    public record Filed(boolean category, String slug, String name) {
    }

    /** A comment on an item. */
    public record WpComment(long id, String author, String email, String url, String ip, String dateGmt,
                            String content, String approved, long parent, String type) {
    }

    /** A post, page, attachment or anything else the export holds, with what it is filed under and its comments. */
    public record Item(Map<String, String> fields, List<Filed> filed, Map<String, String> meta,
                       List<WpComment> comments) implements Record {

        public String field(String name) {
            return fields.getOrDefault(name, "");
        }

        public long number(String name) {
            try {
                return Long.parseLong(field(name).strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    @FunctionalInterface
    public interface Sink {
        void accept(Record record);
    }

    private final XMLInputFactory factory;

    public WxrReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /** Reads {@code in} to its end, handing each record to {@code sink} as soon as it is read. */
    public void read(InputStream in, Sink sink) {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            boolean rss = false;
            String title = "";
            String link = "";
            String base = "";
            String language = "";
            boolean siteSent = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw malformed(xml, "it declares a DTD, which a WordPress export never does (entities are not "
                            + "expanded)");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = name(xml);
                if (!rss) {
                    if (!name.equals("rss")) {
                        throw malformed(xml, "it starts with <" + xml.getLocalName() + ">, not <rss>");
                    }
                    rss = true;
                    continue;
                }
                switch (name) {
                    case "channel" -> {
                    }
                    case "title" -> title = text(xml);
                    case "link" -> link = text(xml);
                    case "language" -> language = text(xml);
                    case "wp:base_blog_url" -> base = text(xml);
                    case "wp:author" -> sink.accept(person(fields(xml)));
                    case "wp:category" -> sink.accept(category(fields(xml)));
                    case "wp:tag" -> sink.accept(tag(fields(xml)));
                    case "item" -> {
                        if (!siteSent) {
                            sink.accept(new Site(title, link, base.isBlank() ? link : base, language));
                            siteSent = true;
                        }
                        sink.accept(item(xml));
                    }
                    default -> skip(xml);
                }
            }
            if (!rss) {
                throw new Malformed("it is empty", 0, 0);
            }
            if (!siteSent) {
                sink.accept(new Site(title, link, base.isBlank() ? link : base, language));
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new Malformed(reason(e), at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing after a failure
                }
            }
        }
    }

    private static Person person(Map<String, String> fields) {
        return new Person(fields.getOrDefault("wp:author_login", "").strip(),
                fields.getOrDefault("wp:author_email", "").strip(),
                fields.getOrDefault("wp:author_display_name", "").strip());
    }

    private static Term category(Map<String, String> fields) {
        return new Term(true, number(fields.get("wp:term_id")), fields.getOrDefault("wp:category_nicename", "").strip(),
                fields.getOrDefault("wp:cat_name", "").strip(), fields.getOrDefault("wp:category_parent", "").strip(),
                fields.getOrDefault("wp:category_description", "").strip());
    }

    private static Term tag(Map<String, String> fields) {
        return new Term(false, number(fields.get("wp:term_id")), fields.getOrDefault("wp:tag_slug", "").strip(),
                fields.getOrDefault("wp:tag_name", "").strip(), "",
                fields.getOrDefault("wp:tag_description", "").strip());
    }

    private Item item(XMLStreamReader xml) throws XMLStreamException {
        var fields = new LinkedHashMap<String, String>();
        var filed = new ArrayList<Filed>();
        var meta = new LinkedHashMap<String, String>();
        var comments = new ArrayList<WpComment>();
        while (nextChild(xml)) {
            String name = name(xml);
            switch (name) {
                case "category" -> {
                    String domain = xml.getAttributeValue(null, "domain");
                    String nicename = xml.getAttributeValue(null, "nicename");
                    String text = text(xml);
                    if ("category".equals(domain) || "post_tag".equals(domain)) {
                        filed.add(new Filed("category".equals(domain), nicename == null ? "" : nicename, text.strip()));
                    }
                }
                case "wp:postmeta" -> {
                    Map<String, String> pair = fields(xml);
                    meta.put(pair.getOrDefault("wp:meta_key", ""), pair.getOrDefault("wp:meta_value", ""));
                }
                case "wp:comment" -> {
                    Map<String, String> c = fields(xml);
                    comments.add(new WpComment(number(c.get("wp:comment_id")), c.getOrDefault("wp:comment_author", ""),
                            c.getOrDefault("wp:comment_author_email", ""), c.getOrDefault("wp:comment_author_url", ""),
                            c.getOrDefault("wp:comment_author_IP", ""), c.getOrDefault("wp:comment_date_gmt", ""),
                            c.getOrDefault("wp:comment_content", ""), c.getOrDefault("wp:comment_approved", ""),
                            number(c.get("wp:comment_parent")), c.getOrDefault("wp:comment_type", "")));
                }
                default -> fields.put(name, text(xml));
            }
        }
        return new Item(fields, filed, meta, comments);
    }

    /** The leaf children of the element the reader is on, by name; nested elements are skipped. */
    private Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        var fields = new LinkedHashMap<String, String>();
        while (nextChild(xml)) {
            fields.put(name(xml), text(xml));
        }
        return fields;
    }

    /**
     * Moves to the next child element (true) or the end of the element the reader is in (false). Stray text between
     * elements is passed over: WordPress's own theme test export has some.
     */
    private static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the file ends inside an element", xml.getLocation());
            }
        }
    }

    /** The text of a leaf element; an element with children is read as the text of all of them. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        var text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the file ends inside an element",
                        xml.getLocation());
                default -> {
                }
            }
        }
        return text.toString();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        text(xml);
    }

    /** {@code wp:post_id}, {@code content:encoded}, {@code dc:creator}, {@code title}: prefix by namespace. */
    private static String name(XMLStreamReader xml) {
        String uri = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (uri == null || uri.isEmpty()) {
            return local;
        }
        if (uri.contains("wordpress.org/export") && uri.endsWith("/excerpt/")) {
            return "excerpt:" + local;
        }
        if (uri.contains("wordpress.org/export")) {
            return "wp:" + local;
        }
        if (uri.contains("purl.org/rss/1.0/modules/content")) {
            return "content:" + local;
        }
        if (uri.contains("purl.org/dc/elements")) {
            return "dc:" + local;
        }
        return "other:" + local;
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Malformed malformed(XMLStreamReader xml, String message) {
        Location at = xml.getLocation();
        return new Malformed(message, at.getLineNumber(), at.getColumnNumber());
    }

    /** The parser's reason without its "ParseError at [row,col]:" preamble, which the line and column say. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "it cannot be parsed" : e.getMessage();
        int cut = message.indexOf("Message: ");
        return (cut >= 0 ? message.substring(cut + 9) : message).strip().replaceAll("\\.$", "");
    }
}
