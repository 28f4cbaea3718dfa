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
import java.util.Base64;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

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
                         String cacheControl, Instant expiresAt) {

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
                cacheControl, expiresAt);
    }

    /** The same page for one reader only: {@link #PRIVATE}, no Surrogate-Key, never stored in a shared cache. */
    public CachedPage forOneReader() {
        return new CachedPage(contentType, body, gzipBody, etag, gzipEtag, lastModified, lastModifiedHeader, keys, "",
                PRIVATE, expiresAt);
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
                return new Reply(304, null, gzip ? gzipEtag : etag, gzip);
            }
        } else if (ifModifiedSince != null && notModifiedSince(ifModifiedSince)) {
            return new Reply(304, null, gzip ? gzipEtag : etag, gzip);
        }
        return gzip ? new Reply(200, gzipBody, gzipEtag, true) : new Reply(200, body, etag, false);
    }

    /** @param body null for 304 */
    public record Reply(int status, byte[] body, String etag, boolean gzip) {
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
