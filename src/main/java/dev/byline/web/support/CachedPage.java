package dev.byline.web.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A rendered page ready to send: the bytes and a gzip copy made once, a strong ETag for each, Last-Modified, the
 * keys of what it shows (for invalidation and for a CDN's Surrogate-Key purge), and when it goes out of date by
 * itself, if it does.
 *
 * @param expiresAt when the page is out of date whatever is written (a list of the last 48 hours, the footer's
 *                  year), or null: it stays true until a key it shows changes
 */
public record CachedPage(String contentType, byte[] body, byte[] gzipBody, String etag, String gzipEtag,
                         Instant lastModified, String lastModifiedHeader, Set<String> keys, String surrogateKey,
                         String cacheControl, Instant expiresAt, Replies replies) {

    /** The four possible answers, each with its headers encoded once (see {@link CacheFastPath}). */
    public CachedPage {
        if (replies == null) {
            replies = Replies.of(contentType, body, gzipBody, etag, gzipEtag, lastModifiedHeader, surrogateKey,
                    cacheControl);
        }
    }

    /** Pages: browsers revalidate after a minute (cheap, with the ETag); a CDN keeps them until purged by key. */
    public static final String CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=60";
    /** Files whose name changes with their content. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** A page made for one reader (see {@link Bypass}): no browser or CDN may keep it. */
    public static final String PRIVATE = "private, no-store";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** A page kept until a key it shows changes. */
    public static CachedPage of(String contentType, byte[] body, Set<String> keys, Instant renderedAt) {
        return of(contentType, body, keys, renderedAt, null);
    }

    /** A page kept until a key it shows changes or {@code expiresAt} passes (null: no expiry). */
    public static CachedPage of(String contentType, byte[] body, Set<String> keys, Instant renderedAt,
                                Instant expiresAt) {
        return of(contentType, body, keys, renderedAt, CACHE_CONTROL, expiresAt);
    }

    /** A file whose URL changes when it does, cached for a year. */
    public static CachedPage immutable(String contentType, byte[] body, Instant loadedAt) {
        return of(contentType, body, Set.of(), loadedAt, IMMUTABLE, null);
    }

    private static CachedPage of(String contentType, byte[] body, Set<String> keys, Instant renderedAt,
                                 String cacheControl, Instant expiresAt) {
        byte[] gzip = gzip(body);
        String hash = hash(body);
        Instant lastModified = renderedAt.truncatedTo(ChronoUnit.SECONDS);
        return new CachedPage(contentType, body, gzip, "\"" + hash + "\"", "\"" + hash + "-gz\"", lastModified,
                HTTP_DATE.format(lastModified), Set.copyOf(keys), surrogateKey(keys),
                cacheControl, expiresAt, null);
    }

    /** The same page for one reader only: {@link #PRIVATE}, no Surrogate-Key, never stored in a shared cache. */
    public CachedPage forOneReader() {
        return new CachedPage(contentType, body, gzipBody, etag, gzipEtag, lastModified, lastModifiedHeader, keys, "",
                PRIVATE, expiresAt, null);
    }

    /** Whether the page is out of date by itself at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The keys for a CDN's purge-by-key: names only (a list's position is for this cache), each once, sorted. */
    static String surrogateKey(Set<String> keys) {
        return String.join(" ", keys.stream().map(key -> dev.byline.change.Keys.parse(key).name())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    /** What to send for a request with these headers (any may be null). */
    public Reply reply(String ifNoneMatch, String ifModifiedSince, String acceptEncoding) {
        boolean gzip = acceptsGzip(acceptEncoding);
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch)) {
                return gzip ? replies.gzipNotModified : replies.notModified;
            }
        } else if (ifModifiedSince != null && notModifiedSince(ifModifiedSince)) {
            return gzip ? replies.gzipNotModified : replies.notModified;
        }
        return gzip ? replies.gzip : replies.plain;
    }

    /**
     * One answer, made once per page.
     *
     * @param body    null for 304
     * @param headers the page's own headers for this answer (Cache-Control, Vary, ETag, Last-Modified,
     *                Surrogate-Key; for a 200 also Content-Type, Content-Encoding, Content-Length), encoded once so
     *                the fast path copies bytes instead of checking characters on every request
     */
    public record Reply(int status, byte[] body, String etag, boolean gzip, HttpField[] headers) {
    }

    /** The four answers of a page: 200 or 304, identity or gzip. */
    public record Replies(Reply plain, Reply gzip, Reply notModified, Reply gzipNotModified) {

        private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
        private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
        private static final HttpField PAGE_CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
                CACHE_CONTROL);

        static Replies of(String contentType, byte[] body, byte[] gzipBody, String etag, String gzipEtag,
                          String lastModified, String surrogateKey, String cacheControl) {
            var common = new ArrayList<HttpField>();
            common.add(cacheControl.equals(CACHE_CONTROL) ? PAGE_CACHE_CONTROL
                    : new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl));
            common.add(VARY);
            common.add(new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, lastModified));
            if (!surrogateKey.isEmpty()) {
                common.add(new PreEncodedHttpField("Surrogate-Key", surrogateKey));
            }
            HttpField type = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType);
            HttpField plainTag = new PreEncodedHttpField(HttpHeader.ETAG, etag);
            HttpField gzipTag = new PreEncodedHttpField(HttpHeader.ETAG, gzipEtag);
            return new Replies(
                    new Reply(200, body, etag, false, fields(common, plainTag, type,
                            new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length)))),
                    new Reply(200, gzipBody, gzipEtag, true, fields(common, gzipTag, type, GZIP,
                            new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(gzipBody.length)))),
                    new Reply(304, null, etag, false, fields(common, plainTag)),
                    new Reply(304, null, gzipEtag, true, fields(common, gzipTag)));
        }

        private static HttpField[] fields(List<HttpField> common, HttpField... more) {
            var all = new ArrayList<>(common);
            all.addAll(List.of(more));
            return all.toArray(HttpField[]::new);
        }
    }

    public int weight() {
        return body.length + gzipBody.length + 256;
    }

    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals(gzipEtag)) {
                return true;
            }
        }
        return false;
    }

    private boolean notModifiedSince(String header) {
        try {
            Instant since = Instant.from(HTTP_DATE.parse(header.strip()));
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(6);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
