package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.byline.error.Forbidden;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The permission table, written from WordPress's meaning of the roles (wordpress.org/documentation/article/
 * roles-and-capabilities) before looking at {@link Role}: administrator does everything; editor every post, comment,
 * category and tag (edit_others_posts, publish_posts, delete_others_posts, moderate_comments, manage_categories,
 * upload_files) but not users or options; author their own posts, published ones included (edit_published_posts,
 * publish_posts, delete_published_posts) and uploads; contributor their own posts until published (edit_posts,
 * delete_posts; no publish_posts, no edit_published_posts, no upload_files). A visitor who is not signed in has no
 * role and may do none of it.
 */
class PolicyTest {

    /** Every capability, for administrator, editor, author, contributor. */
    private static final String CAPABILITIES = """
            WRITE_ARTICLES        yes yes yes yes
            PUBLISH_OWN_ARTICLES  yes yes yes no
            EDIT_OTHERS_ARTICLES  yes yes no  no
            UPLOAD_MEDIA          yes yes yes no
            MODERATE_COMMENTS     yes yes no  no
            MANAGE_TAXONOMY       yes yes no  no
            MANAGE_PEOPLE         yes no  no  no
            MANAGE_SETTINGS       yes no  no  no
            VIEW_ACTIVITY         yes no  no  no
            HANDLE_PERSONAL_DATA  yes no  no  no
            """;

    /**
     * Decisions about one article: whose it is (the actor is on its byline, or not), whether it is published,
     * then administrator, editor, author, contributor, visitor.
     */
    private static final String ARTICLES = """
            edit     own     draft      yes yes yes yes no
            edit     own     published  yes yes yes no  no
            edit     others  draft      yes yes no  no  no
            edit     others  published  yes yes no  no  no
            publish  own     draft      yes yes yes no  no
            publish  others  draft      yes yes no  no  no
            delete   own     draft      yes yes yes yes no
            delete   own     published  yes yes yes no  no
            delete   others  draft      yes yes no  no  no
            delete   others  published  yes yes no  no  no
            """;

    private static final long OWN_AUTHOR = 7;
    private static final List<Role> ROLES = List.of(Role.ADMINISTRATOR, Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR);

    @Test
    void everyRoleHasTheCapabilitiesOfItsWordPressNamesake() {
        var checks = new ArrayList<Executable>();
        var listed = EnumSet.noneOf(Capability.class);
        for (String line : CAPABILITIES.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            Capability capability = Capability.valueOf(cells[0]);
            listed.add(capability);
            for (int i = 0; i < ROLES.size(); i++) {
                Role role = ROLES.get(i);
                boolean expected = cells[i + 1].equals("yes");
                checks.add(() -> assertEquals(expected, role.can(capability), role + " " + capability));
                checks.add(() -> assertEquals(expected, actor(role, OWN_AUTHOR).can(capability),
                        "an actor with the role " + role + ": " + capability));
            }
            checks.add(() -> assertEquals(false, Actor.visitor("192.0.2.1").can(capability), "visitor " + capability));
        }
        assertAll(checks);
        assertEquals(EnumSet.allOf(Capability.class), listed, "the table covers every capability");
        assertEquals(ROLES, Arrays.asList(Role.values()), "the table covers every role");
    }

    @Test
    void articleDecisionsFollowOwnershipAndPublication() {
        var checks = new ArrayList<Executable>();
        for (String line : ARTICLES.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            String decision = cells[0];
            // a co-written article is as much one's own as a sole byline
            List<Long> byline = cells[1].equals("own") ? List.of(3L, OWN_AUTHOR) : List.of(3L, 4L);
            boolean published = cells[2].equals("published");
            for (int i = 0; i <= ROLES.size(); i++) {
                Actor actor = i < ROLES.size() ? actor(ROLES.get(i), OWN_AUTHOR) : Actor.visitor("192.0.2.1");
                boolean expected = cells[i + 3].equals("yes");
                checks.add(() -> assertEquals(expected, decide(decision, actor, byline, published),
                        actor.role().map(Role::key).orElse("visitor") + ": " + line.trim()));
            }
        }
        assertAll(checks);
    }

    @Test
    void anActorWithoutAnAuthorProfileOwnsNothing() {
        // the command line writes as no one: an administrator's rights, through editing others' articles only
        Actor commandLine = Actor.commandLine();
        assertEquals(false, Policy.owns(commandLine, List.of(0L)));
        assertEquals(true, Policy.mayEdit(commandLine, List.of(0L, 5L), true));
        assertEquals(false, Policy.mayEdit(actor(Role.AUTHOR, 0), List.of(0L), false), "author id 0 is no one");
        assertEquals(false, Policy.mayPublish(actor(Role.AUTHOR, 0), List.of()), "an article with no byline");
    }

    @Test
    void requireRefusesSayingTheRoleAndTheAction() {
        Forbidden editor = assertThrows(Forbidden.class,
                () -> Policy.require(actor(Role.EDITOR, 1), Capability.MANAGE_PEOPLE, "invite people"));
        assertEquals("Your role (editor) may not invite people.", editor.getMessage());
        Forbidden visitor = assertThrows(Forbidden.class,
                () -> Policy.require(Actor.visitor("192.0.2.1"), Capability.WRITE_ARTICLES, "write articles"));
        assertEquals("Please sign in to write articles.", visitor.getMessage());
        assertDoesNotThrow(() -> Policy.require(actor(Role.CONTRIBUTOR, 1), Capability.WRITE_ARTICLES, "write"));
    }

    @Test
    void requireManageRefusesEveryoneButAdministratorsAndThemOnTheirOwnAccount() {
        Actor admin = new Actor(10, "ana@example.org", Optional.of(Role.ADMINISTRATOR), 1, "192.0.2.1");
        assertDoesNotThrow(() -> Policy.requireManage(admin, 11, "change the role"));
        assertDoesNotThrow(() -> Policy.requireManage(Actor.commandLine(), 11, "change the role"));
        Forbidden self = assertThrows(Forbidden.class, () -> Policy.requireManage(admin, 10, "change the role"));
        assertEquals("You may not change the role on your own account: ask another administrator.",
                self.getMessage());
        for (Role role : Set.of(Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR)) {
            Forbidden refused = assertThrows(Forbidden.class,
                    () -> Policy.requireManage(actor(role, 1), 11, "disable the account"));
            assertEquals("Your role (" + role.key() + ") may not disable the account.", refused.getMessage());
        }
    }

    @Test
    void roleNamesParseInAnyCaseAndNothingElse() {
        assertEquals(Optional.of(Role.EDITOR), Role.parse(" Editor "));
        assertEquals(Optional.empty(), Role.parse("subscriber"), "WordPress's fifth role is not Byline's");
        assertEquals(Optional.empty(), Role.parse(null));
        assertEquals(Optional.empty(), Role.parse(""));
        assertEquals(List.of("administrator", "editor", "author", "contributor"),
                Arrays.stream(Role.values()).map(Role::key).toList());
    }

    /**
     * Media (WordPress: upload_files for uploading; editing or deleting an attachment is edit_post on it, so
     * authors their own uploads and editors anyone's): browse, upload, change or delete an image uploaded by
     * the actor, by someone else, or by nobody recorded; administrator, editor, author, contributor, visitor.
     */
    private static final String MEDIA = """
            browse  -       yes yes yes yes no
            upload  -       yes yes yes no  no
            change  own     yes yes yes no  no
            change  others  yes yes no  no  no
            change  nobody  yes yes no  no  no
            """;

    @Test
    void mediaDecisionsFollowWhoUploadedTheImage() {
        var checks = new ArrayList<Executable>();
        for (String line : MEDIA.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            for (int i = 0; i <= ROLES.size(); i++) {
                Actor actor = i < ROLES.size() ? actor(ROLES.get(i), OWN_AUTHOR) : Actor.visitor("192.0.2.1");
                Long uploader = switch (cells[1]) {
                    case "own" -> actor.userId() == 0 ? -1L : actor.userId();
                    case "others" -> 99L;
                    default -> null;
                };
                boolean expected = cells[i + 2].equals("yes");
                boolean decided = switch (cells[0]) {
                    case "browse" -> Policy.mayBrowseMedia(actor);
                    case "upload" -> actor.can(Capability.UPLOAD_MEDIA);
                    default -> Policy.mayChangeMedia(actor, uploader);
                };
                checks.add(() -> assertEquals(expected, decided,
                        actor.role().map(Role::key).orElse("visitor") + ": " + line.trim()));
            }
        }
        assertAll(checks);
        Forbidden others = assertThrows(Forbidden.class,
                () -> Policy.requireChangeMedia(actor(Role.AUTHOR, 1), 99L, "delete this image"));
        assertEquals("You may delete this image only if you uploaded it; ask an editor.", others.getMessage());
        Forbidden contributor = assertThrows(Forbidden.class,
                () -> Policy.requireChangeMedia(actor(Role.CONTRIBUTOR, 1), 20L, "delete this image"));
        assertEquals("Your role (contributor) may not delete this image.", contributor.getMessage());
    }

    private static boolean decide(String decision, Actor actor, List<Long> byline, boolean published) {
        return switch (decision) {
            case "edit" -> Policy.mayEdit(actor, byline, published);
            case "publish" -> Policy.mayPublish(actor, byline);
            case "delete" -> Policy.mayDelete(actor, byline, published);
            default -> throw new IllegalArgumentException(decision);
        };
    }

    private static Actor actor(Role role, long authorId) {
        return new Actor(20, role.key() + "@example.org", Optional.of(role), authorId, "192.0.2.1");
    }
}
