package dev.byline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BYLINE_SMTP_*: what each combination gives, and what is refused at start-up with the other problems. */
class SmtpConfigTest {

    /** {@code NAME=value;NAME=value} as an environment. */
    static Map<String, String> env(String pairs) {
        var env = new HashMap<String, String>();
        if (pairs != null) {
            for (String pair : pairs.split(";")) {
                int equals = pair.indexOf('=');
                env.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
            }
        }
        return env;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # environment                                                                                  | host             | port | user   | from                                  | startTls
            -                                                                                               | -                | -    | -      | -                                     | -
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=news@example.org                              | smtp.example.org | 587  | -      | news@example.org                      | true
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=Byline Daily <news@example.org>;BYLINE_SMTP_PORT=2525;BYLINE_SMTP_USER=byline;BYLINE_SMTP_PASSWORD= s3cret ;BYLINE_SMTP_STARTTLS=false | smtp.example.org | 2525 | byline | Byline Daily <news@example.org> | false
            BYLINE_SMTP_HOST= mail.internal ;BYLINE_SMTP_FROM="Die Zeitung, Redaktion" <redaktion@example.de>;BYLINE_SMTP_STARTTLS=yes | mail.internal | 587 | - | "Die Zeitung, Redaktion" <redaktion@example.de> | true
            BYLINE_SMTP_HOST=::1;BYLINE_SMTP_FROM=news@localhost.localdomain                                  | ::1              | 587  | -      | news@localhost.localdomain            | true
            """)
    void accepted(String environment, String host, Integer port, String user, String from, Boolean startTls) {
        Config config = ConfigParser.parse(new String[0], env(environment)).orElseThrow();
        if (host == null) {
            assertEquals(Optional.empty(), config.smtp(), "no host: mail goes to the log");
            return;
        }
        Smtp smtp = config.smtp().orElseThrow();
        assertEquals(host, smtp.host());
        assertEquals(port, smtp.port());
        assertEquals(Optional.ofNullable(user), smtp.user());
        assertEquals(from, smtp.from());
        assertEquals(startTls, smtp.startTls());
        if (user != null) {
            assertEquals(" s3cret ", smtp.password().orElseThrow(), "a password is kept as typed");
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            BYLINE_SMTP_HOST=smtp.example.org                                                      | BYLINE_SMTP_FROM must be set when BYLINE_SMTP_HOST is
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=news                                 | BYLINE_SMTP_FROM must be an email address, alone or with a name, such as "Byline Daily <news@example.org>", got 'news'
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=Byline <news@example.org             | BYLINE_SMTP_FROM must be an email address
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=a@example.org, b@example.org        | BYLINE_SMTP_FROM must be an email address
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=news@example.org;BYLINE_SMTP_PORT=0  | BYLINE_SMTP_PORT must be a number from 1 to 65535 (587 for submission with STARTTLS), got '0'
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=news@example.org;BYLINE_SMTP_PORT=smtp | BYLINE_SMTP_PORT must be a number from 1 to 65535
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=news@example.org;BYLINE_SMTP_PORT=70000 | BYLINE_SMTP_PORT must be a number from 1 to 65535
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=news@example.org;BYLINE_SMTP_STARTTLS=maybe | BYLINE_SMTP_STARTTLS must be true or false, got 'maybe'
            BYLINE_SMTP_HOST=smtp.example.org:587;BYLINE_SMTP_FROM=news@example.org                 | BYLINE_SMTP_HOST must be a host name or IP address (the port goes in BYLINE_SMTP_PORT), got 'smtp.example.org:587'
            BYLINE_SMTP_HOST=smtp://smtp.example.org;BYLINE_SMTP_FROM=news@example.org              | BYLINE_SMTP_HOST must be a host name or IP address
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=news@example.org;BYLINE_SMTP_USER=byline | BYLINE_SMTP_USER is set without BYLINE_SMTP_PASSWORD
            BYLINE_SMTP_HOST=smtp.example.org;BYLINE_SMTP_FROM=news@example.org;BYLINE_SMTP_PASSWORD=pw | BYLINE_SMTP_PASSWORD is set without BYLINE_SMTP_USER
            BYLINE_SMTP_FROM=news@example.org                                                        | BYLINE_SMTP_FROM given without BYLINE_SMTP_HOST
            BYLINE_SMTP_USER=byline;BYLINE_SMTP_PASSWORD=pw                                          | BYLINE_SMTP_USER and BYLINE_SMTP_PASSWORD given without BYLINE_SMTP_HOST
            BYLINE_SMTP_PORT=twenty-five                                                             | BYLINE_SMTP_PORT must be a number from 1 to 65535
            """)
    void refused(String environment, String problem) {
        var refused = assertThrows(ConfigParser.InvalidConfig.class,
                () -> ConfigParser.parse(new String[0], env(environment)));
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @Test
    void smtpProblemsAreReportedWithTheOthers() {
        var refused = assertThrows(ConfigParser.InvalidConfig.class, () -> ConfigParser.parse(new String[0],
                Map.of("BYLINE_PORT", "eighty", "BYLINE_SMTP_HOST", "smtp.example.org", "BYLINE_SMTP_FROM", "news",
                        "BYLINE_SMTP_STARTTLS", "perhaps")));
        String message = refused.getMessage();
        assertTrue(message.contains("BYLINE_PORT must be a number"), message);
        assertTrue(message.contains("BYLINE_SMTP_FROM must be an email address"), message);
        assertTrue(message.contains("BYLINE_SMTP_STARTTLS must be true or false"), message);
    }

    @Test
    void flagsWinOverTheEnvironment() {
        Config config = ConfigParser.parse(new String[] {"--smtp-host", "flag.example.org", "--smtp-port", "25",
                        "--smtp-starttls", "false", "--smtp-user", "u", "--smtp-password", "p"},
                Map.of("BYLINE_SMTP_HOST", "env.example.org", "BYLINE_SMTP_FROM", "news@example.org",
                        "BYLINE_SMTP_STARTTLS", "true")).orElseThrow();
        assertEquals(new Smtp("flag.example.org", 25, Optional.of("u"), Optional.of("p"), "news@example.org", false),
                config.smtp().orElseThrow());
    }

    @Test
    void neitherConfigNorSmtpShowTheSmtpPassword() {
        Config config = ConfigParser.parse(new String[0], Map.of("BYLINE_SMTP_HOST", "smtp.example.org",
                "BYLINE_SMTP_FROM", "news@example.org", "BYLINE_SMTP_USER", "byline",
                "BYLINE_SMTP_PASSWORD", "s3cr3t-smtp")).orElseThrow();
        assertEquals("s3cr3t-smtp", config.smtp().orElseThrow().password().orElseThrow());
        assertFalse(config.toString().contains("s3cr3t"), config.toString());
        assertTrue(config.toString().contains("smtp=Smtp[host=smtp.example.org, port=587, user=byline, password=***"),
                config.toString());
        assertFalse(config.smtp().orElseThrow().toString().contains("s3cr3t"));
    }
}
