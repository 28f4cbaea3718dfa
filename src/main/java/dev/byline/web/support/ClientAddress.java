package dev.byline.web.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who sent a request: the connecting address, unless it is one of the trusted proxies (the load balancers in front
 * of Byline), in which case the nearest address in X-Forwarded-For that is not itself a trusted proxy. What a client
 * writes into X-Forwarded-For is never believed unless a trusted proxy passed it on, so no one picks their own
 * address to slip past a throttle.
 */
public final class ClientAddress {

    /** IPv4 or IPv6 written as an address: no host names, which would mean a DNS lookup. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = Set.copyOf(trustedProxies);
    }

    public String of(String remote, String forwardedFor) {
        String client = normal(remote).orElse(remote);
        if (!trusted.contains(client) || forwardedFor == null || forwardedFor.isBlank()) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<String> hop = normal(hops[i].strip());
            if (hop.isEmpty()) {
                return client; // garbage in the chain: believe only the proxy that connected
            }
            if (!trusted.contains(hop.get())) {
                return hop.get();
            }
            client = hop.get();
        }
        return client;
    }

    /** The address in its one canonical spelling (::1, not 0:0:0:0:0:0:0:1), if {@code text} is an address. */
    public static Optional<String> normal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!LITERAL.matcher(bare).matches() || (!bare.contains(":") && bare.chars().filter(c -> c == '.').count() != 3)) {
            return Optional.empty();
        }
        try {
            String address = InetAddress.getByName(bare).getHostAddress();
            return Optional.of(address.equals("0:0:0:0:0:0:0:1") ? "::1" : address);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
