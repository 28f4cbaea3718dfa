package dev.byline.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the engine of the W3C's HTML validator), in process: what it finds wrong with a page's HTML,
 * errors and warnings, each with its line. It is handed the text, so it fetches nothing. Setting it up (its
 * schemas) takes a few seconds; make one per test class.
 */
public final class NuValidator {

    private final SimpleDocumentValidator validator = new SimpleDocumentValidator();
    private final List<String> found = new ArrayList<>();

    public NuValidator() {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                found.add("warning, line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                found.add("error, line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                found.add("fatal, line " + e.getLineNumber() + ": " + e.getMessage());
            }
        };
        try {
            validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
            validator.setUpValidatorAndParsers(collect, true, false);
        } catch (Exception e) { // setUpMainSchema declares Exception
            throw new IllegalStateException("the Nu Html Checker could not load its HTML schema", e);
        }
    }

    /** Every error and warning in {@code html} (a whole document), in the order found; empty when it is valid. */
    public synchronized List<String> check(String html) {
        found.clear();
        var source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        source.setEncoding("UTF-8");
        try {
            validator.checkHtmlInputSource(source);
        } catch (SAXException e) {
            found.add("fatal: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(found);
    }
}
