package dev.byline.text;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.safety.Safelist;

/**
 * HTML pasted into the editor (from a word processor, Google Docs or a web page) as Markdown: headings,
 * paragraphs, links, lists, quotes and emphasis stay; scripts, styles, images, classes and everything else go.
 * Three steps: what Word and Google Docs say with styles is turned into the tags it means (a Google Docs span with
 * {@code font-weight:700} is bold; Word's list paragraphs are list items); jsoup keeps only an allow-list of tags
 * and http(s)/mailto links; flexmark's HTML-to-Markdown converter writes the Markdown.
 */
public final class PastedHtml {

    /** A paste larger than this is refused by the caller: nobody pastes a 2 MB article by hand. */
    public static final int MAX_CHARS = 2_000_000;

    private static final Safelist KEPT = new Safelist()
            .addTags("h2", "h3", "h4", "h5", "h6", "p", "br", "ul", "ol", "li", "blockquote", "em", "strong",
                    "code", "pre", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto");
    private static final Pattern BOLD = Pattern.compile("font-weight\\s*:\\s*(bold|[6-9]00)");
    private static final Pattern ITALIC = Pattern.compile("font-style\\s*:\\s*italic");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*[0-9a-zA-Z]{1,4}[.)]\\s*$");
    /**
     * flexmark writes "**not dead** , only *resting*" (a space between a closing emphasis and punctuation) when
     * more emphasis follows in the paragraph; the space was not in the text.
     */
    private static final Pattern SPACE_AFTER_EMPHASIS = Pattern.compile("(?<=[^\\s\\\\])(\\*{1,2}) (?=[,.;:!?)])");
    private static final Pattern QUOTE_AFTER_TEXT = Pattern.compile("(?m)^([^>\n].*)\n>");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\n{3,}");

    private final FlexmarkHtmlConverter converter;

    public PastedHtml() {
        var options = new MutableDataSet()
                .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
                .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
                .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
                .set(FlexmarkHtmlConverter.EXTRACT_AUTO_LINKS, false)
                .set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false)
                .set(FlexmarkHtmlConverter.BR_AS_PARA_BREAKS, false)
                .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
                .set(FlexmarkHtmlConverter.LIST_CONTENT_INDENT, true);
        this.converter = FlexmarkHtmlConverter.builder(options).build();
    }

    /** The Markdown for {@code html}; empty when nothing worth keeping was in it. */
    public String toMarkdown(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document pasted = Jsoup.parse(html);
        pasted.outputSettings().prettyPrint(false); // pretty printing adds spaces between inline runs
        pasted.select("script, style, noscript, template, head, meta, link, title, iframe, object, embed, svg, "
                + "img, button, input, select, textarea, form").remove();
        removeComments(pasted);
        meaningOfStyles(pasted.body());
        wordLists(pasted.body());
        pasted.select("h1").tagName("h2"); // the article's headline is the page's one h1
        pasted.select("b").tagName("strong");
        pasted.select("i").tagName("em");
        pasted.select("div").tagName("p");
        pasted.select("li > p:only-child").unwrap(); // Google Docs' list items: a paragraph each, not a loose list
        String clean = Jsoup.clean(pasted.body().html(), "", KEPT, new Document.OutputSettings().prettyPrint(false));
        String markdown = converter.convert(clean).replace('\u00a0', ' ');
        markdown = SPACE_AFTER_EMPHASIS.matcher(markdown).replaceAll("$1");
        markdown = QUOTE_AFTER_TEXT.matcher(markdown).replaceAll("$1\n\n>");
        return MANY_BLANK_LINES.matcher(markdown).replaceAll("\n\n").strip();
    }

    /** Word's conditional comments hold the list bullets and the like; none of it is text. */
    private static void removeComments(Node node) {
        for (Node child : new ArrayList<>(node.childNodes())) {
            if (child instanceof Comment) {
                child.remove();
            } else {
                removeComments(child);
            }
        }
    }

    /**
     * Google Docs wraps everything in a {@code <b style="font-weight:normal">} (not bold at all) and marks bold
     * and italic runs with styles on spans; Word does the same for some runs. The styles become tags here, before
     * the allow-list drops every style.
     */
    private static void meaningOfStyles(Element body) {
        for (Element element : body.select("[style]")) {
            String style = element.attr("style").toLowerCase(Locale.ROOT);
            if (element.nameIs("b") || element.nameIs("strong")) {
                if (style.contains("font-weight:normal") || style.contains("font-weight: normal")) {
                    element.unwrap();
                }
                continue;
            }
            if (!element.nameIs("span")) {
                continue;
            }
            boolean bold = BOLD.matcher(style).find();
            boolean italic = ITALIC.matcher(style).find();
            if (bold && italic) {
                element.tagName("strong").wrap("<em></em>");
            } else if (bold) {
                element.tagName("strong");
            } else if (italic) {
                element.tagName("em");
            }
        }
    }

    /**
     * Word writes a list as paragraphs with {@code mso-list} in their style, the bullet or number in a span marked
     * {@code mso-list:Ignore}; runs of them become one {@code <ul>} or {@code <ol>}.
     */
    private static void wordLists(Element body) {
        List<Element> run = new ArrayList<>();
        for (Element paragraph : body.select("p")) {
            boolean listItem = paragraph.attr("style").contains("mso-list")
                    || paragraph.className().startsWith("MsoListParagraph");
            if (!listItem) {
                closeRun(run);
                continue;
            }
            if (!run.isEmpty() && paragraph.previousElementSibling() != run.getLast()) {
                closeRun(run);
            }
            run.add(paragraph);
        }
        closeRun(run);
    }

    private static void closeRun(List<Element> run) {
        if (run.isEmpty()) {
            return;
        }
        boolean ordered = false;
        for (Element paragraph : run) {
            for (Element marker : paragraph.select("span[style*=mso-list]")) {
                if (marker.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("mso-list:ignore")) {
                    ordered |= NUMBERED.matcher(marker.text()).matches();
                    marker.remove();
                }
            }
        }
        Element list = new Element(ordered ? "ol" : "ul");
        run.getFirst().before(list);
        for (Element paragraph : run) {
            list.appendChild(paragraph.tagName("li"));
        }
        run.clear();
    }
}
