package dev.byline.mail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the logging backend (slf4j-simple, which looks up System.err at every line) prints while {@code work} runs.
 * Tests in one JVM run one at a time, so swapping System.err for a moment is safe.
 */
final class LogCapture {

    private LogCapture() {
    }

    static String during(Runnable work) {
        PrintStream before = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(before);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        before.print(text); // still in the test's output
        return text;
    }
}
