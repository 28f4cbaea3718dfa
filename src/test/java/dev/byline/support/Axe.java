package dev.byline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine of browser dev tools and of the site checks, run in the page the browser has
 * open: every rule axe runs by default (WCAG 2.0 to 2.2 A and AA, and its best practices). The script is the
 * axe.min.js Deque ships for Selenium (com.deque.html.axe-core:selenium, a test dependency); it is put into the
 * page through WebDriver, which the page's Content-Security-Policy does not govern.
 */
public final class Axe {

    private static final String SCRIPT = load();
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(function (results) {
              done(results.violations.map(function (v) {
                return v.impact + ' ' + v.id + ': ' + v.help + ' [' + v.nodes.slice(0, 3).map(function (n) {
                  return n.target.join(' ');
                }).join(' | ') + (v.nodes.length > 3 ? ' | and ' + (v.nodes.length - 3) + ' more' : '') + ']';
              }));
            }, function (error) { done(['axe did not run: ' + error]); });
            """;

    private Axe() {
    }

    /** The rules the page as shown now breaks, one line each: impact, rule, what it asks, and where. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver browser) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        var js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SCRIPT);
        }
        return (List<String>) js.executeAsyncScript(RUN);
    }

    public static String version() {
        int start = SCRIPT.indexOf("axe v");
        return start < 0 ? "?" : SCRIPT.substring(start + 5, SCRIPT.indexOf('\n', start)).strip();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path "
                        + "(the test dependency com.deque.html.axe-core:selenium carries it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
