package dev.byline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser visiting the admin over real HTTP: it keeps its cookies (set and cleared as the server says), never
 * follows redirects by itself (tests look at them), and sends forms with the CSRF token of the last page it read,
 * as a person's browser would.
 */
public final class AdminBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String lastCsrf;

    public AdminBrowser(String base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path) {
        var response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        csrfIn(response.body()).ifPresent(token -> lastCsrf = token);
        return response;
    }

    /** Sends a form with the token of the last page read (or of {@code path}'s page, if none was read yet). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        String token = lastCsrf != null ? lastCsrf : tokenFrom(path).or(() -> tokenFrom("/admin/"))
                .or(() -> tokenFrom("/admin/login")).orElse("");
        var fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("csrf", token);
        return postRaw(path, fields, Map.of());
    }

    /** Sends exactly {@code form} (no token added) with extra {@code headers}. */
    public HttpResponse<String> postRaw(String path, Map<String, String> form, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        var response = send(request);
        csrfIn(response.body()).ifPresent(token -> lastCsrf = token);
        return response;
    }

    /** Sends a form whose fields may repeat (ticked checkboxes), with the token of the last page read. */
    public HttpResponse<String> postPairs(String path, java.util.List<Map.Entry<String, String>> pairs) {
        var all = new java.util.ArrayList<>(pairs);
        if (all.stream().noneMatch(pair -> pair.getKey().equals("csrf"))) {
            all.add(Map.entry("csrf", lastCsrf != null ? lastCsrf : tokenFrom("/admin/").orElse("")));
        }
        String body = all.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        csrfIn(response.body()).ifPresent(token -> lastCsrf = token);
        return response;
    }

    /** Sends JSON as a page's script does: the token of the last page read in the X-CSRF-Token header. */
    public HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json, lastCsrf != null ? lastCsrf : tokenFrom("/admin/").orElse(""));
    }

    /** Sends JSON with no token at all: a page of another site trying. */
    public HttpResponse<String> postJsonWithoutToken(String path, String json) {
        return postJson(path, json, null);
    }

    private HttpResponse<String> postJson(String path, String json, String token) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-CSRF-Token", token);
        }
        return send(request);
    }

    /** Signs in through the form; the answer is the form's (302 on success). */
    public HttpResponse<String> login(String email, String password) {
        String token = tokenFrom("/admin/login").orElse("");
        var response = postRaw("/admin/login", Map.of("csrf", token, "email", email, "password", password),
                Map.of());
        if (response.statusCode() == 302) {
            lastCsrf = null; // the session changed, and with it the token
        }
        return response;
    }

    /** The CSRF token on the page at {@code path}, as this browser sees it. */
    public Optional<String> tokenFrom(String path) {
        return csrfIn(get(path).body());
    }

    /** Sends a multipart form (a file upload) with the token of the last page read, {@code fields} and one file. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName,
                                       String contentType, byte[] content) {
        return uploadFiles(path, fields, java.util.List.of(new FilePart(fileField, fileName, contentType, content)),
                Map.of());
    }

    /** One file of a multipart form. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {
    }

    /**
     * Sends a multipart form with several files (the token of the last page read added unless {@code fields} has
     * one) and extra {@code headers} (Accept, X-CSRF-Token…).
     */
    public HttpResponse<String> uploadFiles(String path, Map<String, String> fields, java.util.List<FilePart> files,
                                            Map<String, String> headers) {
        String boundary = "----byline" + java.util.UUID.randomUUID().toString().replace("-", "");
        var all = new LinkedHashMap<>(fields);
        all.putIfAbsent("csrf", lastCsrf != null ? lastCsrf : tokenFrom("/admin/").orElse(""));
        var body = new java.io.ByteArrayOutputStream();
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        var response = send(request);
        csrfIn(response.body()).ifPresent(token -> lastCsrf = token);
        return response;
    }

    /** GETs the page a redirect points to (a local path). */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        return get(redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("not a redirect: " + redirect.statusCode())));
    }

    /** The token the next form will carry: that of the last page read, or null when none was read since signing in. */
    public String csrf() {
        return lastCsrf;
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    private static Optional<String> csrfIn(String body) {
        var matcher = CSRF.matcher(body == null ? "" : body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                if (setCookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, pair.substring(pair.indexOf('=') + 1));
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
