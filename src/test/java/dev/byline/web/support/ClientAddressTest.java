package dev.byline.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whose address a request counts as: X-Forwarded-For is believed only as far as trusted proxies passed it on. */
class ClientAddressTest {

    final ClientAddress behindTwoBalancers = new ClientAddress(List.of("10.0.0.2", "10.0.0.3", "::1"));

    @ParameterizedTest(name = "{0} with X-Forwarded-For ''{1}'' → {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // remote        | X-Forwarded-For                          | client
            "203.0.113.9     | null                                     | 203.0.113.9",
            "203.0.113.9     | 198.51.100.7                             | 203.0.113.9",   // not a proxy: header ignored
            "10.0.0.2        | 198.51.100.7                             | 198.51.100.7",
            "10.0.0.2        | 1.2.3.4, 198.51.100.7                    | 198.51.100.7",  // 1.2.3.4 was typed by the client
            "10.0.0.2        | 198.51.100.7, 10.0.0.3                   | 198.51.100.7",  // two proxies in a row
            "10.0.0.2        | 10.0.0.3                                 | 10.0.0.3",      // only proxies: the farthest
            "10.0.0.2        | not-an-address                           | 10.0.0.2",      // garbage: the proxy itself
            "10.0.0.2        | null                                     | 10.0.0.2",
            "0:0:0:0:0:0:0:1 | 2001:db8::7                              | 2001:db8:0:0:0:0:0:7",
            "[::1]           | 198.51.100.7                             | 198.51.100.7"})
    void readsTheClientBehindTrustedProxiesOnly(String remote, String forwardedFor, String client) {
        assertEquals(client, behindTwoBalancers.of(remote, forwardedFor));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"10.0.0.2,10.0.0.2", "::1,::1", "0:0:0:0:0:0:0:1,::1",
            "proxy.internal,null", "10.0.0,null", "999.1.1.1,null", "'',null"})
    void acceptsAddressesNeverHostNames(String text, String normal) {
        assertEquals(Optional.ofNullable(normal), ClientAddress.normal(text));
    }
}
