package dev.byline.wordpress;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A WordPress post body (classic HTML with its line breaks, or block markup) as Byline's Markdown, saying what it
 * could not convert. Steps: block comments ({@code <!-- wp:… -->}) go; {@code [caption]} shortcodes become figures;
 * WordPress's automatic paragraphs are applied where the text has none (a blank line is a paragraph, a line break
 * a {@code <br>}); figures become Byline's {@code ![alt](src "caption")}; flexmark's HTML-to-Markdown converter writes
 * the rest. Tables and other HTML with no Markdown form stay as HTML, which Byline's renderer sanitises with its
 * allow-list. Other shortcodes ({@code [gallery]}, {@code [embed]}, plugins') are kept as text and reported.
 */
final class WordPressBodies {

    /** The Markdown, and what was kept as it was or left out, in words, for the report. */
    record Converted(String markdown, List<String> notes) {
    }

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:[^>]*?-->");
    private static final Pattern CAPTION = Pattern.compile(
            "\\[caption([^\\]]*)\\](.*?)\\[/caption\\]", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\](.*?)\\[/embed\\]",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-z_][a-z0-9_-]*)([^\\]]*)\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_START = Pattern.compile(
            "^\\s*<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|dl|address|section|iframe|form)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\n{3,}");
    /** Holds a table's place through the Markdown converter: letters it leaves as they are. */
    private static final String TABLE = "BYLINETABLEPLACEHOLDER";

    private final FlexmarkHtmlConverter converter = FlexmarkHtmlConverter.builder(new MutableDataSet()
            .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, true)
            .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
            .set(FlexmarkHtmlConverter.RENDER_COMMENTS, false)
            .set(FlexmarkHtmlConverter.BR_AS_PARA_BREAKS, false)
            .set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false)).build();

    Converted convert(String content) {
        var notes = new ArrayList<String>();
        String html = BLOCK_COMMENT.matcher(content == null ? "" : content.replace("\r\n", "\n")).replaceAll("");
        html = captions(html);
        html = EMBED.matcher(html).replaceAll(match -> {
            String url = match.group(1).strip();
            notes.add("an embed became a link: " + url);
            return Matcher.quoteReplacement("<p><a href=\"" + url + "\">" + url + "</a></p>");
        });
        Matcher shortcodes = SHORTCODE.matcher(html);
        while (shortcodes.find()) {
            if (shortcodes.group(1).isEmpty()) {
                notes.add("the shortcode [" + shortcodes.group(2) + "] was kept as text");
            }
        }
        html = autop(html);
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        for (Element figure : document.select("figure")) {
            Element img = figure.selectFirst("img");
            if (img == null) {
                continue;
            }
            Element caption = figure.selectFirst("figcaption");
            Element plain = new Element("img").attr("src", img.attr("src")).attr("alt", img.attr("alt"));
            if (caption != null && !caption.text().isBlank()) {
                plain.attr("title", caption.text());
            }
            figure.replaceWith(new Element("p").appendChild(plain));
        }
        // tables have no CommonMark form: each stays an HTML block (one line, so no blank line ends it early),
        // which the renderer's allow-list sanitises; a placeholder paragraph holds its place through the converter
        var tables = new ArrayList<String>();
        for (Element table : document.select("table")) {
            if (table.parents().is("table")) {
                continue;
            }
            table.select("[style], [class]").removeAttr("style").removeAttr("class");
            tables.add(table.outerHtml().replaceAll("\\s*\\n\\s*", " "));
            table.replaceWith(new Element("p").text(TABLE + (tables.size() - 1)));
        }
        if (!tables.isEmpty()) {
            notes.add("a table was kept as HTML");
        }
        int unnamed = 0;
        for (Element img : document.select("img")) {
            if (img.attr("alt").isBlank()) {
                unnamed++;
                img.attr("alt", describe(img));
            }
        }
        if (unnamed > 0) {
            notes.add("images without a description (alt text) were given their caption or file name: write real "
                    + "ones");
        }
        if (!document.select("iframe, script, object, embed, form").isEmpty()) {
            notes.add("an iframe, script, object or form was left out (not allowed in articles)");
        }
        String markdown = converter.convert(document.body().html()).strip();
        for (int i = 0; i < tables.size(); i++) {
            markdown = markdown.replace(TABLE + i, "\n" + tables.get(i) + "\n");
        }
        return new Converted(MANY_BLANK_LINES.matcher(markdown).replaceAll("\n\n"), notes.stream().distinct().toList());
    }

    /** What an image without alt text is called: its title or caption, else its file name in words. */
    private static String describe(Element img) {
        if (!img.attr("title").isBlank()) {
            return img.attr("title").strip();
        }
        String src = img.attr("src");
        String file = src.replaceAll("[?#].*$", "").replaceAll("^.*/", "").replaceAll("\\.[A-Za-z0-9]+$", "");
        String words = file.replaceAll("[-_]+", " ").strip();
        return words.isEmpty() ? "Image" : words;
    }

    /** {@code [caption id=… align=… width=…]<img …> The caption.[/caption]} as a figure. */
    private static String captions(String html) {
        return CAPTION.matcher(html).replaceAll(match -> {
            Document inner = Jsoup.parseBodyFragment(match.group(2));
            Element img = inner.selectFirst("img");
            if (img == null) {
                return Matcher.quoteReplacement(match.group(2));
            }
            String caption = inner.text().strip();
            if (caption.isEmpty()) {
                Matcher attribute = Pattern.compile("caption=\"([^\"]*)\"").matcher(match.group(1));
                caption = attribute.find() ? attribute.group(1) : "";
            }
            return Matcher.quoteReplacement("\n\n<figure>" + img.outerHtml() + "<figcaption>"
                    + org.jsoup.nodes.Entities.escape(caption) + "</figcaption></figure>\n\n");
        });
    }

    /**
     * WordPress's automatic paragraphs, simply: text separated by a blank line is a paragraph unless it starts with a
     * block element, and a single line break inside a paragraph is a {@code <br>}. Text inside {@code <pre>} is left
     * as it is.
     */
    static String autop(String html) {
        if (html.isBlank()) {
            return "";
        }
        var out = new StringBuilder();
        boolean inPre = false;
        for (String chunk : BLANK_LINES.split(html.strip())) {
            String trimmed = chunk.strip();
            boolean opensPre = trimmed.toLowerCase(java.util.Locale.ROOT).contains("<pre");
            boolean closesPre = trimmed.toLowerCase(java.util.Locale.ROOT).contains("</pre>");
            if (inPre || opensPre) {
                out.append(chunk).append("\n\n");
                inPre = (inPre || opensPre) && !closesPre;
                continue;
            }
            if (BLOCK_START.matcher(trimmed).find()) {
                out.append(trimmed).append("\n\n");
            } else {
                out.append("<p>").append(trimmed.replace("\n", "<br>")).append("</p>\n\n");
            }
        }
        return out.toString();
    }
}
