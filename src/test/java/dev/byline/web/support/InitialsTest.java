package dev.byline.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitialsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Amina Rahimi | AR",
            "amina rahimi | AR",
            "Madonna | M",
            "Jean-Luc Picard | JP",
            "J. R. R. Tolkien | JT",
            "  Ola   Nordmann  | ON",
            "María José García | MG",
            "Ōe Kenzaburō | ŌK",
            "王小明 | 王",
            "@bob | B",
            "'' | ?",
            "NULL | ?",
            "--- | ?"})
    void lettersComeFromTheFirstAndLastWords(String name, String letters) {
        assertEquals(letters, Initials.letters(name));
    }

    @Test
    void theToneFollowsTheIdAndStaysInRange() {
        assertEquals(Initials.of(7, "A B").tone(), Initials.of(7, "Someone Else").tone());
        for (long id = -3; id < 20; id++) {
            int tone = Initials.of(id, "X").tone();
            assertEquals(true, tone >= 0 && tone < Initials.TONES, "id " + id);
        }
        assertEquals("avatar avatar-initials avatar-tone-1", Initials.of(1, "A").classes("avatar"));
    }
}
