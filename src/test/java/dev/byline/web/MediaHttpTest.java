package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.media.Media;
import dev.byline.media.MediaService;
import dev.byline.support.DemoSiteTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Uploaded images over HTTP: Jetty's resource serving (Range, ETag, 304) behind the site's own checks. */
class MediaHttpTest extends DemoSiteTest {

    private static Media photo;
    private static byte[] bytes;

    @BeforeAll
    static void storeAPhoto() throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB), "jpg", out);
        photo = byline.services().media().store(new MediaService.Upload(out.toByteArray(), "photo.jpg", "", "", ""));
        bytes = Files.readAllBytes(byline.services().media().resolve(photo.path()).orElseThrow());
    }

    @Test
    void anImageIsServedWholeWithValidatorsAndTheSiteHeaders() {
        HttpResponse<byte[]> response = http.getBytes(photo.url());
        assertEquals(200, response.statusCode());
        assertArrayEquals(bytes, response.body());
        HttpHeaders headers = response.headers();
        assertEquals("image/jpeg", headers.firstValue("content-type").orElseThrow());
        assertEquals(String.valueOf(bytes.length), headers.firstValue("content-length").orElseThrow());
        assertEquals("bytes", headers.firstValue("accept-ranges").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", headers.firstValue("cache-control").orElseThrow());
        assertTrue(headers.firstValue("etag").isPresent());
        assertTrue(headers.firstValue("last-modified").isPresent());
        assertSecurityHeaders(headers);

        HttpResponse<byte[]> scaled = http.getBytes(photo.url(400));
        assertEquals(200, scaled.statusCode());
        assertEquals((byte) 0xff, scaled.body()[0]);

        var head = http.method("HEAD", photo.url());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(bytes.length), head.headers().firstValue("content-length").orElseThrow());
    }

    @Test
    void aRangeRequestGetsPartOfTheFile() {
        HttpResponse<byte[]> first = http.getBytes(photo.url(), "Range", "bytes=0-99");
        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-99/" + bytes.length, first.headers().firstValue("content-range").orElseThrow());
        assertArrayEquals(Arrays.copyOf(bytes, 100), first.body());
        assertSecurityHeaders(first.headers());

        HttpResponse<byte[]> last = http.getBytes(photo.url(), "Range", "bytes=-10");
        assertEquals(206, last.statusCode());
        assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length), last.body());

        assertEquals(416, http.getBytes(photo.url(), "Range", "bytes=" + bytes.length + "-").statusCode());
    }

    @Test
    void conditionalRequestsGet304() {
        HttpHeaders headers = http.getBytes(photo.url()).headers();
        String etag = headers.firstValue("etag").orElseThrow();

        HttpResponse<byte[]> unchanged = http.getBytes(photo.url(), "If-None-Match", etag);
        assertEquals(304, unchanged.statusCode());
        assertEquals(0, unchanged.body().length);
        assertEquals(etag, unchanged.headers().firstValue("etag").orElseThrow());
        assertSecurityHeaders(unchanged.headers());

        String lastModified = headers.firstValue("last-modified").orElseThrow();
        assertEquals(304, http.getBytes(photo.url(), "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, http.getBytes(photo.url(), "If-None-Match", "\"something-else\"").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt", "page.html", "drawing.svg", "docs/no-extension", "docs"})
    void onlyImagesAreServed(String name) throws IOException {
        Path file = byline.services().media().resolve(name).orElseThrow();
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        }
        var response = http.get(Media.URL_PREFIX + name);
        assertEquals(404, response.statusCode(), name);
        assertTrue(response.body().contains("<h1>Page not found</h1>"), name);
        assertFalse(response.body().contains("alert(1)"), name);
    }

    @Test
    void missingImagesAndPathsLeavingTheMediaDirectoryAre404() throws IOException {
        // a JPEG beside the media directory, in the data directory: never reachable under /media/
        Path mediaRoot = byline.services().media().resolve("x.jpg").orElseThrow().getParent();
        Path outside = mediaRoot.resolveSibling("outside.jpg");
        Files.write(outside, bytes);
        for (String path : List.of("/media/../outside.jpg", "/media/2026/../../outside.jpg", "/media/nothing.jpg",
                photo.url().replace(".jpg", ".png"))) {
            var response = http.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("<h1>Page not found</h1>"), path);
        }
        HttpResponse<byte[]> encoded = http.getBytes("/media/%2e%2e/outside.jpg");
        assertTrue(encoded.statusCode() == 400 || encoded.statusCode() == 404, "answered " + encoded.statusCode());
        assertFalse(Arrays.equals(bytes, encoded.body()));
    }

    private static void assertSecurityHeaders(HttpHeaders headers) {
        assertEquals("nosniff", headers.firstValue("x-content-type-options").orElseThrow());
        assertTrue(headers.firstValue("content-security-policy").orElseThrow().contains("default-src 'self'"));
        assertEquals(List.of("public, max-age=31536000, immutable"), headers.allValues("cache-control"));
    }
}
