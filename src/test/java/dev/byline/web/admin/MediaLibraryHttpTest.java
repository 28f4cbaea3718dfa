package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Byline;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.media.Media;
import dev.byline.media.TestImages;
import dev.byline.support.AdminBrowser;
import dev.byline.support.AdminBrowser.FilePart;
import dev.byline.support.Http;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import dev.byline.web.site.SiteUrls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /admin/media over real HTTP: uploads by form (a redirect, or the library with each refusal) and by script (JSON),
 * the roles (a contributor gets 403, an author changes only their own uploads), editing an image's details drops
 * the cached article page that shows it (and keeps the others), deleting is refused with the articles that use
 * it, the picker's JSON, and bodies that are chunked, malformed or too large answered 4xx, never 500.
 */
class MediaLibraryHttpTest {

    static final AdminSites SITES = new AdminSites();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> WANTS_JSON = Map.of("Accept", "application/json");

    @AfterAll
    static void stop() {
        SITES.close();
    }

    static byte[] jpeg(int width, int height) {
        return TestImages.encode(TestImages.quarters(width, height), "jpg");
    }

    static FilePart part(String name, String type, byte[] content) {
        return new FilePart("files", name, type, content);
    }

    @Test
    void aFormUploadOfGoodFilesGoesBackToTheLibrary() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        AdminBrowser author = new Staff(site).signedIn(Role.AUTHOR);
        author.get("/admin/media");
        HttpResponse<String> uploaded = author.uploadFiles("/admin/media", Map.of(), List.of(
                part("Quay at dawn.jpg", "image/jpeg", jpeg(900, 600)),
                part("chart.png", "image/png", TestImages.encode(TestImages.quarters(400, 300), "png"))), Map.of());
        assertEquals(302, uploaded.statusCode(), uploaded.body());
        assertEquals("/admin/media", uploaded.headers().firstValue("Location").orElseThrow());
        String library = author.follow(uploaded).body();
        assertTrue(library.contains("2 images uploaded."), library);
        assertTrue(library.contains("<span class=\"media-name\">Quay at dawn.jpg</span>"), library);
        assertTrue(library.contains("<span class=\"media-name\">chart.png</span>"));
        assertTrue(library.contains("No alt text"), "a reminder where alt text is missing");
        assertTrue(library.contains("<a href=\"/admin/media\" aria-current=\"page\">Media</a>"), "the nav item");
        String list = author.get("/admin/media?view=list").body();
        assertTrue(list.contains("<table class=\"responsive-table media-table\">"), "the list view");
        assertTrue(list.contains(">Quay at dawn.jpg</a>"));
        assertTrue(list.contains("Show as a grid"));
    }

    @Test
    void aFormUploadKeepsTheGoodFilesAndNamesEachRefusedOneWithItsReason() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        AdminBrowser author = new Staff(site).signedIn(Role.AUTHOR);
        author.get("/admin/media");
        byte[] cut = jpeg(400, 300);
        // more than the admin's 12 MB for forms: the upload route takes more, streamed to disk
        byte[] bigText = new byte[13 * 1024 * 1024];
        Arrays.fill(bigText, (byte) 'a');
        HttpResponse<String> answer = author.uploadFiles("/admin/media", Map.of(), List.of(
                part("good.jpg", "image/jpeg", jpeg(600, 400)),
                part("notes.txt", "text/plain", "minutes of the meeting".getBytes()),
                part("bomb.png", "image/png", TestImages.pngHeaderClaiming(20_000, 20_000)),
                part("cut.jpg", "image/jpeg", Arrays.copyOf(cut, cut.length / 2)),
                part("big.jpg", "image/jpeg", bigText)), Map.of());
        assertEquals(422, answer.statusCode());
        String page = answer.body();
        assertTrue(page.contains("4 files were not uploaded:"), page);
        assertTrue(page.contains("<li>“notes.txt” is not a JPEG, PNG, GIF or WebP image.</li>"), page);
        assertTrue(page.contains("<li>“bomb.png” is 20000×20000 pixels (400 megapixels); the limit is 50 megapixels.</li>"));
        assertTrue(page.contains("<li>“cut.jpg” is damaged or incomplete and cannot be read.</li>"));
        assertTrue(page.contains("<li>“big.jpg” is not a JPEG, PNG, GIF or WebP image.</li>"));
        var stored = Pattern.compile("<li><a href=\"/admin/media/(\\d+)\">good.jpg</a></li>").matcher(page);
        assertTrue(stored.find(), "the good file of the batch is kept and named");
        assertTrue(site.services().media().find(Long.parseLong(stored.group(1))).isPresent());

        HttpResponse<String> nothing = author.uploadFiles("/admin/media", Map.of(), List.of(
                part("", "application/octet-stream", new byte[0])), Map.of());
        assertEquals(422, nothing.statusCode());
        assertTrue(nothing.body().contains("Nothing was uploaded: Choose one or more images to upload"));
    }

    @Test
    void scriptsGetJsonWithEachImageAndEachRefusal() throws IOException {
        Byline site = SITES.site(TestDatabases.SQLITE);
        AdminBrowser editor = new Staff(site).signedIn(Role.EDITOR);
        editor.get("/admin/media");
        String token = editor.csrf();
        // a wrong token is refused, and a script asking for JSON is told so in JSON
        HttpResponse<String> answer = editor.uploadFiles("/admin/media", Map.of("csrf", "not-" + token),
                List.of(part("phone.jpg", "image/jpeg", TestImages.phoneJpeg(1800, 1200, 1))), WANTS_JSON);
        assertEquals(403, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(403, JSON.readTree(answer.body()).get("status").asInt());

        answer = editor.uploadFiles("/admin/media", Map.of(), List.of(
                part("phone.jpg", "image/jpeg", TestImages.phoneJpeg(1800, 1200, 1)),
                part("readme.md", "text/markdown", "# hi".getBytes())), WANTS_JSON);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        JsonNode item = body.get("items").get(0);
        List<String> fields = new ArrayList<>();
        item.fieldNames().forEachRemaining(fields::add);
        assertTrue(fields.containsAll(List.of("id", "url", "thumbUrl", "alt", "caption", "credit", "width", "height")),
                fields.toString());
        assertEquals(1800, item.get("width").asInt());
        assertEquals(1200, item.get("height").asInt());
        assertTrue(item.get("thumbUrl").asText().endsWith("-200w.jpg"), item.toString());
        assertEquals("readme.md", body.get("errors").get(0).get("file").asText());
        assertEquals("“readme.md” is not a JPEG, PNG, GIF or WebP image.",
                body.get("errors").get(0).get("message").asText());
        // the served file has no GPS, camera or other metadata of the upload
        var reader = new Http(site.baseUrl());
        for (String url : List.of(item.get("url").asText(), item.get("thumbUrl").asText())) {
            HttpResponse<byte[]> file = reader.getBytes(url);
            assertEquals(200, file.statusCode(), url);
            String bytes = new String(file.body(), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("SECRET-SOURCE-LOCATION") || bytes.contains("SECRET-CAMERA"), url);
        }

        HttpResponse<String> allRefused = editor.uploadFiles("/admin/media", Map.of(), List.of(
                part("x.txt", "text/plain", "x".getBytes())), WANTS_JSON);
        assertEquals(422, allRefused.statusCode());
        assertEquals(0, JSON.readTree(allRefused.body()).get("items").size());
    }

    @Test
    void contributorsMayBrowseButNotUpload() throws IOException {
        Byline site = SITES.site(TestDatabases.SQLITE);
        AdminBrowser contributor = new Staff(site).signedIn(Role.CONTRIBUTOR);
        String library = contributor.get("/admin/media").body();
        assertTrue(library.contains("<h1>Media</h1>"), "they may choose images for their drafts");
        assertTrue(library.contains(">Media</a>"), "the nav item");
        assertFalse(library.contains("enctype=\"multipart/form-data\""), "no upload form");
        HttpResponse<String> refused = contributor.uploadFiles("/admin/media", Map.of(), List.of(
                part("mine.jpg", "image/jpeg", jpeg(300, 200))), Map.of());
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Your role (contributor) may not upload images."), refused.body());
        HttpResponse<String> json = contributor.uploadFiles("/admin/media", Map.of(), List.of(
                part("mine.jpg", "image/jpeg", jpeg(300, 200))), WANTS_JSON);
        assertEquals(403, json.statusCode());
        assertEquals("Your role (contributor) may not upload images.",
                JSON.readTree(json.body()).get("message").asText());
        assertEquals(200, contributor.get("/admin/media.json").statusCode());

        HttpResponse<String> visitor = new AdminBrowser(site.baseUrl()).get("/admin/media");
        assertEquals(302, visitor.statusCode(), "sign in first");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void newDetailsDropTheCachedArticlePageShowingTheImageAndKeepTheOthers(TestDatabases database)
            throws IOException {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        User writer = staff.add(Role.AUTHOR);
        AdminBrowser browser = staff.signIn(writer);
        browser.get("/admin/media");
        long id = uploaded(browser, "boats.jpg", jpeg(1000, 700));
        String path = site.services().media().find(id).orElseThrow().url();
        String suffix = database.name().toLowerCase();
        // written without alt text, the figure takes the library's (a published figure needs one)
        browser.get("/admin/media/" + id);
        assertEquals(302, browser.post("/admin/media/" + id, Map.of("alt", "Boats", "caption", "", "credit", ""))
                .statusCode());
        String shows = publish(site, writer, "Boats return " + suffix, "Fleet.\n\n![](" + path + ")\n\nMore.");
        String other = publish(site, writer, "Council meets " + suffix, "No picture.");
        var reader = new Http(site.baseUrl());
        assertFalse(reader.get(shows).body().contains("<figcaption>"), "no caption yet");
        reader.get(other);
        var cache = site.services().pageCache();
        assertTrue(cache.get(shows).isPresent() && cache.get(other).isPresent(), "both cached");

        browser.get("/admin/media/" + id);
        HttpResponse<String> saved = browser.post("/admin/media/" + id, Map.of("alt", "Fishing boats at the quay",
                "caption", "The fleet came back on Monday.", "credit", "Photo: A. Rahimi"));
        assertEquals(302, saved.statusCode(), saved.body());
        assertTrue(browser.follow(saved).body().contains("The image's details are saved"));
        assertTrue(cache.get(shows).isEmpty(), "the article showing the image is dropped");
        assertTrue(cache.get(other).isPresent(), "the other article is kept");
        String page = reader.get(shows).body();
        assertTrue(page.contains("<figcaption>The fleet came back on Monday."), page);
        assertTrue(page.contains("alt=\"Fishing boats at the quay\""));

        HttpResponse<String> tooLong = browser.post("/admin/media/" + id, Map.of("alt", "x".repeat(301),
                "caption", "Kept as typed", "credit", ""));
        assertEquals(422, tooLong.statusCode());
        assertTrue(tooLong.body().contains("Keep the alt text to 300 characters (it has 301)."));
        assertTrue(tooLong.body().contains(">Kept as typed</textarea>"), "what was typed is kept");
    }

    @Test
    void authorsChangeOnlyTheirOwnUploadsEditorsAny() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        var staff = new Staff(site);
        AdminBrowser owner = staff.signedIn(Role.AUTHOR);
        owner.get("/admin/media");
        long id = uploaded(owner, "mine.jpg", jpeg(500, 300));
        AdminBrowser otherAuthor = staff.signedIn(Role.AUTHOR);
        String seen = otherAuthor.get("/admin/media/" + id).body();
        assertTrue(seen.contains("Only the person who uploaded it, or an editor, may change these."), seen);
        HttpResponse<String> refused = otherAuthor.post("/admin/media/" + id, Map.of("alt", "Mine now",
                "caption", "", "credit", ""));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("You may change this image's details only if you uploaded it"),
                refused.body());
        assertEquals(403, otherAuthor.post("/admin/media/" + id + "/delete", Map.of()).statusCode());
        AdminBrowser editor = staff.signedIn(Role.EDITOR);
        editor.get("/admin/media/" + id);
        assertEquals(302, editor.post("/admin/media/" + id, Map.of("alt", "Edited by the desk", "caption", "",
                "credit", "")).statusCode());
        assertEquals("Edited by the desk", site.services().media().find(id).orElseThrow().alt());
        assertEquals(404, editor.get("/admin/media/999999").statusCode());
        assertEquals(404, editor.get("/admin/media/not-a-number").statusCode());
    }

    @Test
    void deletingIsRefusedWithTheArticlesThatUseTheImage() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        var staff = new Staff(site);
        User writer = staff.add(Role.AUTHOR);
        AdminBrowser browser = staff.signIn(writer);
        browser.get("/admin/media");
        long id = uploaded(browser, "pier.jpg", jpeg(800, 500));
        Media media = site.services().media().find(id).orElseThrow();
        publish(site, writer, "Pier closes", "Closed.\n\n![The pier](" + media.url() + ")");

        String item = browser.get("/admin/media/" + id).body();
        assertTrue(item.contains("Shown by 1 article:"), item);
        assertTrue(item.contains("It cannot be deleted while it is used"));
        HttpResponse<String> refused = browser.post("/admin/media/" + id + "/delete", Map.of());
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("This image is shown by 1 article. Take it out of them first"),
                refused.body());
        assertTrue(Pattern.compile("<a href=\"/admin/articles/\\d+\">Pier closes</a> <span class=\"muted\">"
                + "\\(published\\)</span>").matcher(refused.body()).find(), "the article, named and linked");
        assertTrue(site.services().media().find(id).isPresent());

        long unused = uploaded(browser, "spare.jpg", jpeg(800, 500));
        Media spare = site.services().media().find(unused).orElseThrow();
        var reader = new Http(site.baseUrl());
        assertEquals(200, reader.getBytes(spare.url()).statusCode());
        browser.get("/admin/media/" + unused);
        HttpResponse<String> deleted = browser.post("/admin/media/" + unused + "/delete", Map.of());
        assertEquals(302, deleted.statusCode());
        assertTrue(browser.follow(deleted).body().contains("is deleted, with its scaled copies."));
        assertEquals(404, reader.getBytes(spare.url()).statusCode(), "the original is gone");
        assertEquals(404, reader.getBytes(spare.thumbnailUrl()).statusCode(), "and its copies");
    }

    @Test
    void thePickersJsonSearchesFiltersAndPages() throws IOException {
        Byline site = SITES.site(TestDatabases.SQLITE);
        AdminBrowser editor = new Staff(site).signedIn(Role.EDITOR);
        editor.get("/admin/media");
        long lighthouse = uploaded(editor, "lighthouse-picker.jpg", jpeg(640, 480));
        editor.get("/admin/media/" + lighthouse);
        editor.post("/admin/media/" + lighthouse, Map.of("alt", "A lighthouse in fog", "caption", "Cape Point",
                "credit", "Desk"));
        JsonNode found = JSON.readTree(editor.get("/admin/media.json?q=lighthouse%20in&type=jpeg&page=1").body());
        assertEquals(1, found.get("items").size(), found.toString());
        JsonNode item = found.get("items").get(0);
        assertEquals(lighthouse, item.get("id").asLong());
        assertEquals("A lighthouse in fog", item.get("alt").asText());
        assertEquals("Cape Point", item.get("caption").asText());
        assertEquals("Desk", item.get("credit").asText());
        assertEquals(640, item.get("width").asInt());
        assertEquals(1, found.get("page").asInt());
        assertFalse(found.get("hasMore").asBoolean());
        String month = java.time.YearMonth.now(ZoneId.of("UTC")).toString();
        assertEquals(1, JSON.readTree(editor.get("/admin/media.json?q=lighthouse&month=" + month).body())
                .get("items").size());
        assertEquals(0, JSON.readTree(editor.get("/admin/media.json?q=lighthouse&type=png").body())
                .get("items").size());

        HttpResponse<String> badMonth = editor.get("/admin/media.json?month=2026-13");
        assertEquals(400, badMonth.statusCode());
        assertEquals("Choose a month from the list, or write one as 2026-11.",
                JSON.readTree(badMonth.body()).get("fields").get("month").asText());
        HttpResponse<String> badPage = editor.get("/admin/media?month=soon&type=tiff");
        assertEquals(400, badPage.statusCode());
        assertTrue(badPage.body().contains("Choose a month from the list"));
        assertTrue(badPage.body().contains("Choose JPEG or PNG"));
        assertTrue(badPage.body().contains("value=\"soon\"") || badPage.body().contains("Uploaded in"));

        String searched = editor.get("/admin/media?q=lighthouse").body();
        assertTrue(searched.contains("1 image matches."), searched);
    }

    @Test
    void chunkedMalformedAndOversizeBodiesGetA4xxPageNeverA500() throws IOException {
        Byline site = SITES.site(TestDatabases.SQLITE);
        AdminBrowser author = new Staff(site).signedIn(Role.AUTHOR);
        author.get("/admin/media");
        String session = "byline_session=" + author.cookie("byline_session").orElseThrow();
        String boundary = "RawBoundary42";
        byte[] form = multipart(boundary, author.csrf(), "raw.jpg", jpeg(300, 200));
        int before = stored(site);

        var chunked = new ByteArrayOutputStream();
        chunked.writeBytes((Integer.toHexString(form.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.writeBytes(form);
        chunked.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertRaw(site, 411, "Length required", head("/admin/media", session, "multipart/form-data; boundary="
                + boundary, "Transfer-Encoding: chunked"), chunked.toByteArray());

        assertRaw(site, 400, "The form could not be read", head("/admin/media", session, "multipart/form-data",
                "Content-Length: " + form.length), form);
        byte[] garbage = "this is not a multipart body at all".getBytes(StandardCharsets.US_ASCII);
        assertRaw(site, 400, "The form could not be read", head("/admin/media", session,
                "multipart/form-data; boundary=" + boundary, "Content-Length: " + garbage.length), garbage);
        byte[] cut = Arrays.copyOf(form, form.length / 2);
        assertRaw(site, 400, "The form could not be read", head("/admin/media", session,
                "multipart/form-data; boundary=" + boundary, "Content-Length: " + cut.length), cut);
        // the same on the profile's avatar upload, which had answered 500
        assertRaw(site, 400, "The form could not be read", head("/admin/profile/avatar", session,
                "multipart/form-data; boundary=" + boundary, "Content-Length: " + garbage.length), garbage);
        assertRaw(site, 411, "Length required", head("/admin/profile/avatar", session,
                "multipart/form-data; boundary=" + boundary, "Transfer-Encoding: chunked"), chunked.toByteArray());

        assertRaw(site, 413, "Upload at most 100 MB at once", head("/admin/media", session,
                "multipart/form-data; boundary=" + boundary, "Content-Length: " + (101L * 1024 * 1024)), new byte[0]);
        assertRaw(site, 413, "Too much sent", head("/admin/profile/avatar", session,
                "multipart/form-data; boundary=" + boundary, "Content-Length: " + (13L * 1024 * 1024)), new byte[0]);
        assertEquals(before, stored(site), "nothing stored by any of them");

        // a script asking for JSON gets the refusal as JSON
        String json = raw(site, head("/admin/media", session, "multipart/form-data; boundary=" + boundary,
                "Content-Length: " + garbage.length, "Accept: application/json"), garbage);
        assertTrue(json.startsWith("HTTP/1.1 400"), json);
        assertTrue(json.contains("\"message\":\"What was sent was cut short"), json);
    }

    private static int stored(Byline site) {
        return site.services().library().list(dev.byline.account.Actor.commandLine(), new dev.byline.media
                .MediaLibrary.Query("", "", null, 1, 100, ZoneId.of("UTC"))).items().size();
    }

    private static byte[] multipart(String boundary, String csrf, String fileName, byte[] content) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String head(String path, String cookie, String contentType, String... more) {
        var head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie
                + "\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n");
        for (String line : more) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static void assertRaw(Byline site, int status, String says, String head, byte[] body) throws IOException {
        String response = raw(site, head, body);
        assertTrue(response.startsWith("HTTP/1.1 " + status + " "), status + " expected: "
                + response.lines().findFirst().orElse(""));
        assertTrue(response.contains(says), response);
        assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/html"), "a page");
    }

    private static String raw(Byline site, String head, byte[] body) throws IOException {
        try (var socket = new Socket("127.0.0.1", site.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Uploads one file as the library's script does; its id. */
    private static long uploaded(AdminBrowser browser, String name, byte[] content) {
        try {
            HttpResponse<String> answer = browser.uploadFiles("/admin/media", Map.of(), List.of(
                    part(name, "image/jpeg", content)), WANTS_JSON);
            assertEquals(200, answer.statusCode(), answer.body());
            Iterator<JsonNode> items = JSON.readTree(answer.body()).get("items").elements();
            return items.next().get("id").asLong();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String publish(Byline site, User writer, String title, String body) {
        Section section = site.services().taxonomy().saveSection(new Section(0, "", "Desk " + title, "", null, 1));
        Article article = site.services().articles().save(new ArticleDraft(0, title, "", "", body, "", null,
                ArticleStatus.PUBLISHED, section.id(), List.of(writer.authorId()), List.of(), null));
        return new SiteUrls(ZoneId.of("UTC")).article(article.slug(), article.publishedAt());
    }
}
