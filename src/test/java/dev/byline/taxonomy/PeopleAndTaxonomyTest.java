package dev.byline.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.error.Invalid;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authors, sections and tags on SQLite and PostgreSQL.
 *
 * <pre>
 * case                                   outcome
 * author without a name                  Invalid: displayName
 * author slug taken                      Invalid: slug
 * author saved                           announces author:ID and list:author:ID
 * section slug from its name             "Middle East" → middle-east
 * section inside itself (a cycle)        Invalid: parentId
 * section saved                          announces nav (the menu on every page)
 * tag by name, twice, any case           one tag
 * </pre>
 */
class PeopleAndTaxonomyTest extends NewsroomTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void authors(TestDatabases db) {
        openNewsroom(db, CLOCK);
        Author amina = newsroom.authors.save(new Author(0, "", "Amina Rahimi", " Reporter. ", null));
        assertEquals("amina-rahimi", amina.slug());
        assertEquals("Reporter.", amina.bio());
        assertEquals(Set.of("author:" + amina.id(), "byline:" + amina.id()), newsroom.lastChange().keys());
        assertEquals(amina, newsroom.authors.findBySlug("amina-rahimi").orElseThrow());

        var noName = assertThrows(Invalid.class, () -> newsroom.authors.save(new Author(0, "", " ", "", null)));
        assertTrue(noName.fieldErrors().containsKey("displayName"));
        var taken = assertThrows(Invalid.class,
                () -> newsroom.authors.save(new Author(0, "amina-rahimi", "Another Amina", "", null)));
        assertTrue(taken.fieldErrors().get("slug").contains("amina-rahimi"));

        newsroom.authors.save(new Author(amina.id(), "amina-rahimi", "Amina Rahimi", "Senior reporter.", null));
        assertEquals(Set.of("author:" + amina.id()), newsroom.lastChange().keys(), "bylines in lists show no bio");
        Author renamed = newsroom.authors.save(new Author(amina.id(), "amina-rahimi", "Amina R.", "", null));
        assertTrue(newsroom.lastChange().keys().contains("byline:" + amina.id()));
        assertEquals("Amina R.", newsroom.authors.find(amina.id()).orElseThrow().displayName());
        assertEquals(amina.id(), renamed.id());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void sectionsNestWithoutCycles(TestDatabases db) {
        openNewsroom(db, CLOCK);
        Section world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        assertTrue(newsroom.lastChange().keys().contains("nav"), "a top-level section is in the menu");
        Section middleEast = newsroom.taxonomy.saveSection(new Section(0, "", "Middle East", "", world.id(), 0));
        Section gulf = newsroom.taxonomy.saveSection(new Section(0, "", "Gulf", "", middleEast.id(), 0));
        assertEquals("middle-east", middleEast.slug());
        assertFalse(newsroom.lastChange().keys().contains("nav"), "the menu shows only top-level sections");
        assertEquals(List.of(world, middleEast, gulf), newsroom.taxonomy.ancestorsAndSelf(gulf.id()));
        assertEquals(List.of(world.id(), middleEast.id(), gulf.id()),
                TaxonomyService.selfAndDescendants(newsroom.taxonomy.sections(), world.id()));

        var cycle = assertThrows(Invalid.class, () -> newsroom.taxonomy.saveSection(
                new Section(world.id(), "world", "World", "", gulf.id(), 0)));
        assertTrue(cycle.fieldErrors().containsKey("parentId"));
        var taken = assertThrows(Invalid.class, () -> newsroom.taxonomy.saveSection(
                new Section(0, "gulf", "Persian Gulf", "", null, 0)));
        assertTrue(taken.fieldErrors().containsKey("slug"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void tagsAreFoundOrCreatedByName(TestDatabases db) {
        openNewsroom(db, CLOCK);
        Tag first = newsroom.taxonomy.tag("Central Asia");
        Tag again = newsroom.taxonomy.tag("central asia ");
        assertEquals(first.id(), again.id());
        assertEquals("central-asia", again.slug());
        assertEquals("Central Asia", again.name());
        assertThrows(Invalid.class, () -> newsroom.taxonomy.tag("!!!"));
    }
}
