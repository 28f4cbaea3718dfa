package dev.byline.web.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.byline.account.ApiKey;
import dev.byline.account.ApiKeys;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.error.Forbidden;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scope rule: a read key may read (GET, HEAD, OPTIONS) and nothing else; a write key may do all. */
class ApiAuthTest {

    private static ApiKeys.Authenticated caller(ApiKey.Scope scope) {
        var user = new User(1, "ana@example.org", "Ana", Role.EDITOR, User.Status.ACTIVE, 1, false, 0);
        return new ApiKeys.Authenticated(user, new ApiKey(1, 1, ApiKey.Kind.PERSONAL_TOKEN, "Script", "abcd", scope,
                Instant.EPOCH, null, ""));
    }

    @Test
    void aReadKeyOnlyReads() {
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            assertDoesNotThrow(() -> ApiAuth.requireScope(method, caller(ApiKey.Scope.READ)), method);
            assertDoesNotThrow(() -> ApiAuth.requireScope(method, caller(ApiKey.Scope.WRITE)), method);
        }
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Forbidden refused = assertThrows(Forbidden.class,
                    () -> ApiAuth.requireScope(method, caller(ApiKey.Scope.READ)), method);
            assertEquals("This key may only read: make a key that may write for this.", refused.getMessage());
            assertDoesNotThrow(() -> ApiAuth.requireScope(method, caller(ApiKey.Scope.WRITE)), method);
        }
    }
}
