package dev.byline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' → ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Russia Hosts Taliban Delegation, Warns Against Foreign Military in Afghanistan | russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan",
            "Taliban welcomes Moscow’s recognition      | taliban-welcomes-moscows-recognition",
            "Don't panic                                | dont-panic",
            "Café au lait à Genève                      | cafe-au-lait-a-geneve",
            "Straße über Ødegaard                       | strasse-uber-odegaard",
            "  --Leading and trailing--  !!             | leading-and-trailing",
            "a   b___c...d                              | a-b-c-d",
            "2025: the year in review                   | 2025-the-year-in-review",
            "Новости дня                                | новости-дня",
            "日本のニュース                               | 日本のニュース",
            "\"?!\"                                     | \"\"",
            "UPPER case                                 | upper-case",
    })
    void slugifies(String text, String slug) {
        assertEquals(slug, Slugs.slugify(text, 80));
    }

    /** Article and page addresses: every script in Latin letters, as readers can type and share them. */
    @ParameterizedTest(name = "[{index}] ''{0}'' → ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Новости дня                                | novosti-dna",
            "Україна: їжак                              | ukraina-izak",
            "Москва’s response                          | moskvas-response",
            "Ελληνικά νέα                               | ellenika-nea",
            "أخبار اليوم                                 | akhbar-alywm",
            "خبرهای امروز ایران                          | khbrhay-amrwz-ayran",
            "北京新闻                                     | bei-jing-xin-wen",
            "日本のニュース                               | ri-bennonyusu",
            "뉴스                                        | nyuseu",
            "Café au lait à Genève                      | cafe-au-lait-a-geneve",
            "Straße über Ødegaard                       | strasse-uber-odegaard",
            "Russia Hosts Taliban Delegation            | russia-hosts-taliban-delegation",
            "\"?!\"                                     | \"\"",
    })
    void transliteratesEveryScriptForAddresses(String text, String slug) {
        assertEquals(slug, Slugs.latin(text, 80));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "one two three four five six | 12 | one-two",
            "abcdefghijklmnop            | 10 | abcdefghij",
            "short                       | 10 | short",
    })
    void truncatesAtAHyphenWhenOneIsNear(String text, int max, String slug) {
        assertEquals(slug, Slugs.slugify(text, max));
    }
}
