package dev.byline.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver on a real port: records every POST and answers the statuses it is told to, then 204. */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String event, String delivery, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("Byline-Event"), headers.getFirst("Byline-Delivery"),
                    headers.getFirst(Signatures.HEADER), headers.getFirst("Content-Type"), body));
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests are answered with these statuses, in order; after them, 204. */
    public void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<String> events() {
        return received.stream().map(Received::event).toList();
    }

    /** The signature header's parts: t and v1. */
    public static Map<String, String> signature(Received request) {
        var parts = new java.util.LinkedHashMap<String, String>();
        for (String part : request.signature().split(",")) {
            int eq = part.indexOf('=');
            parts.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return parts;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
