package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recovery codes: their shape, and what a person may type for one. */
class RecoveryCodesTest {

    @Test
    void tenDifferentCodesOfTenUnambiguousCharacters() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[23456789abcdefghjkmnpqrstuvwxyz]{5}-[23456789abcdefghjkmnpqrstuvwxyz]{5}"), code);
            assertEquals(Optional.of(code.replace("-", "")), RecoveryCodes.normal(code));
            assertEquals(OneTimeLinks.hash(code.replace("-", "")), RecoveryCodes.hash(code));
        }
        assertTrue(RecoveryCodes.generate().stream().noneMatch(codes::contains), "fresh every time");
    }

    /**
     * <pre>
     * typed               read as
     * abcde-fghjk         abcdefghjk
     * ABCDE-FGHJK         abcdefghjk   (any case)
     * abcdefghjk          abcdefghjk   (no hyphen)
     * " abcde fghjk "     abcdefghjk   (spaces)
     * abcde–fghjk         abcdefghjk   (an en dash, as phones type)
     * abcde-fghj          none         (too short)
     * abcde-fghjkm        none         (too long)
     * abcde-fghj0         none         (0 is not in the alphabet)
     * 123456              none         (an app's code)
     * </pre>
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "abcde-fghjk     | abcdefghjk",
            "ABCDE-FGHJK     | abcdefghjk",
            "abcdefghjk      | abcdefghjk",
            "' abcde fghjk ' | abcdefghjk",
            "abcde–fghjk     | abcdefghjk",
            "abcde-fghj      | ",
            "abcde-fghjkm    | ",
            "abcde-fghj0     | ",
            "123456          | ",
    })
    void typed(String typed, String readAs) {
        assertEquals(Optional.ofNullable(readAs), RecoveryCodes.normal(typed));
    }
}
