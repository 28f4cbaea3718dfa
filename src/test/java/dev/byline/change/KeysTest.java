package dev.byline.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Does a write at a list position reach a page that reads that list down to a position? */
class KeysTest {

    @ParameterizedTest(name = "write {0}, page {1}: {2}")
    @CsvSource({
            // written                     shown                         reaches
            "list:home@2000.5,             list:home>1000.9,             true",   // newer than the page's last row
            "list:home@1000.9,             list:home>1000.9,             true",   // the page's last row itself
            "list:home@1000.8,             list:home>1000.9,             false",  // same time, lower id: below it
            "list:home@999.99,             list:home>1000.1,             false",  // older: below everything it reads
            "list:home@5.5,                list:home,                    true",   // the page reads to the end
            "list:home,                    list:home>1000.9,             true",   // a write without a position
    })
    void aWriteReachesAPageWhenItIsNotBelowIt(String written, String shown, boolean reaches) {
        Keys.Parsed write = Keys.parse(written);
        Keys.Parsed page = Keys.parse(shown);
        assertEquals("list:home", write.name());
        assertEquals("list:home", page.name());
        assertEquals(reaches, Keys.reaches(write, page));
    }

    @ParameterizedTest
    @CsvSource({"article:12", "nav", "list:section:4"})
    void keysWithoutAPositionParseToThemselves(String key) {
        assertEquals(new Keys.Parsed(key, null), Keys.parse(key));
    }

    @org.junit.jupiter.api.Test
    void positionsRoundTrip() {
        var position = Keys.Position.of(Instant.ofEpochMilli(1772366400000L), 12);
        assertEquals("list:tag:3@1772366400000.12", Keys.listAt(Keys.tagList(3), position));
        assertEquals(position, Keys.parse(Keys.listDownTo(Keys.tagList(3), position)).position());
        assertEquals("list:tag:3", Keys.listDownTo(Keys.tagList(3), null));
    }
}
