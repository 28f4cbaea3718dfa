package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.error.BadRequest;
import dev.byline.error.NotFound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageNumberTest {

    @Test
    void absentMeansTheFirstPage() {
        assertEquals(1, PageNumber.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "17", "1000000000000"})
    void acceptsWholeNumbers(String raw) {
        assertEquals(Long.parseLong(raw), PageNumber.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "", " 2", "1e3", "0x10", "²"})
    void refusesWhatIsNotAPageNumber(String raw) {
        var error = assertThrows(BadRequest.class, () -> PageNumber.parse(raw));
        assertTrue(error.getMessage().contains("whole number"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999999999999", "99999999999999999999999999"})
    void absurdlyLargePagesDoNotExist(String raw) {
        assertThrows(NotFound.class, () -> PageNumber.parse(raw));
    }
}
