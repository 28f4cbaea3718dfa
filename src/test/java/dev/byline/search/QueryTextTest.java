package dev.byline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a person types, read leniently. Cases:
 *
 * <pre>
 * typed                          words                 phrases           prefix
 * border talks                   border, talks         -                 yes
 * border talks␠                  border, talks         -                 no
 * "border talks" kabul           kabul                 border talks      yes
 * "border talks                  border, talks         -                 yes   (an unbalanced quote is a space)
 * title:border AND (x)           title, border, AND, x -                 no
 * +a -b c~2 d^3 e*               a, b, c, 2, d, 3, e   -                 no
 * back\slash                     back, slash           -                 yes
 * control\u0000char              control, char         -                 yes
 * “curly quotes” left            left                  curly quotes      yes
 * ""                             -                     -                 no
 * 10,000 x's                     one word of 500       -                 yes
 * 40 words                       the first 24          -                 no
 * </pre>
 */
class QueryTextTest {

    record Case(String typed, List<String> words, List<String> phrases, boolean prefix) {
    }

    static List<Case> cases() {
        var many = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            many.append("w").append(i).append(' ');
        }
        return List.of(
                new Case("border talks", List.of("border", "talks"), List.of(), true),
                new Case("border talks ", List.of("border", "talks"), List.of(), false),
                new Case("\"border talks\" kabul", List.of("kabul"), List.of("border talks"), true),
                new Case("\"border talks", List.of("border", "talks"), List.of(), true),
                new Case("title:border AND (x)", List.of("title", "border", "AND", "x"), List.of(), false),
                new Case("+a -b c~2 d^3 e*", List.of("a", "b", "c", "2", "d", "3", "e"), List.of(), false),
                new Case("back\\slash", List.of("back", "slash"), List.of(), true),
                new Case("control\u0000char", List.of("control", "char"), List.of(), true),
                new Case("\u201Ccurly quotes\u201D left", List.of("left"), List.of("curly quotes"), true),
                new Case("\"\"", List.of(), List.of(), false),
                new Case("x".repeat(10_000), List.of("x".repeat(QueryText.MAX_CHARS)), List.of(), true),
                new Case(many.toString(), java.util.stream.IntStream.range(0, QueryText.MAX_PARTS)
                        .mapToObj(i -> "w" + i).toList(), List.of(), false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readsWhatWasTyped(Case c) {
        QueryText text = QueryText.parse(c.typed());
        assertEquals(c.words(), text.words(), c.typed());
        assertEquals(c.phrases(), text.phrases(), c.typed());
        assertEquals(c.prefix(), text.prefix(), c.typed());
    }
}
