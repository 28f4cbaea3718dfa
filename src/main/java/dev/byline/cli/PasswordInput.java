package dev.byline.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A new password from standard input, never from a flag (flags end up in the shell's history and in {@code ps}).
 * At a terminal it is typed twice without echo; from a pipe or a file the first line is the password, as it is,
 * without its line ending.
 */
final class PasswordInput {

    /** Nothing usable came: says why, for the operator. */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message, null, false, false);
        }
    }

    private final InputStream in;

    PasswordInput(InputStream in) {
        this.in = in;
    }

    /**
     * The password for {@code email}.
     *
     * @throws Missing when standard input is empty, or the two passwords typed at a terminal differ
     */
    String read(String email) {
        Optional<Console> terminal = terminal();
        if (terminal.isPresent()) {
            return typed(terminal.get(), email);
        }
        try {
            // one line, whatever follows it; not closed: it is the process's standard input
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new Missing("No password on standard input: pipe it in, e.g. "
                        + "printf '%s\\n' \"$PASSWORD\" | ./byline user …, or run this at a terminal to type it.");
            }
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read standard input", e);
        }
    }

    private static String typed(Console console, String email) {
        char[] first = console.readPassword("New password for %s: ", email);
        char[] second = first == null ? null : console.readPassword("The same password again: ");
        try {
            if (first == null || second == null) {
                throw new Missing("No password was typed.");
            }
            if (!Arrays.equals(first, second)) {
                throw new Missing("The two passwords typed differ.");
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, ' ');
            }
            if (second != null) {
                Arrays.fill(second, ' ');
            }
        }
    }

    /** The terminal to ask at, when the input is the process's own and a person sits at it. */
    private Optional<Console> terminal() {
        Console console = System.console();
        if (in != System.in || console == null) {
            return Optional.empty();
        }
        try {
            // JDK 22 to 24 hand out a console for pipes too, and say whether it is a terminal (JDK 22+ only)
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? Optional.of(console)
                    : Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.of(console); // JDK 21: there is a console only at a terminal
        }
    }
}
