package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.byline.Byline;
import dev.byline.account.AccountService;
import dev.byline.account.Actor;
import dev.byline.config.Config;
import dev.byline.support.AdminBrowser;
import dev.byline.support.MailServer;
import dev.byline.support.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one PostgreSQL database: a mailed link used on both at the same moment works once. */
class AccountLinksNodesTest {

    static final String PASSWORD = "Tangerine-Harbor-Quill-5821";

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    MailServer mail;
    Byline nodeA;
    Byline nodeB;

    @BeforeEach
    void start() {
        mail = MailServer.start();
        Config config = TestDatabases.POSTGRES.config(dirA).withSmtp(mail.smtp());
        nodeA = Byline.start(config);
        nodeB = Byline.start(new Config(config.host(), 0, dirB, config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.baseUrl(), false, config.zone(), config.siteName(), config.smtp()));
        nodeA.services().accounts().service().add(Actor.commandLine(),
                new AccountService.NewUser("chief@example.org", "Chief Editor", "administrator"), PASSWORD);
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        mail.close();
    }

    @Test
    void aResetLinkSubmittedToTwoNodesAtOnceSetsOnePassword() throws Exception {
        nodeA.services().accounts().service().requestPasswordReset("chief@example.org", Actor.visitor("127.0.0.1"));
        String link = MailServer.link(mail.await(1, Duration.ofSeconds(20)).getFirst());
        String path = link.substring(link.indexOf("/admin/"));

        var onA = new AdminBrowser(nodeA.baseUrl());
        var onB = new AdminBrowser(nodeB.baseUrl());
        assertEquals(200, onA.get(path).statusCode());
        assertEquals(200, onB.get(path).statusCode());
        List<String> passwords = List.of("Copper-Lantern-Meadow-3907", "Velvet-Orchard-Compass-6614");
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        var together = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                AdminBrowser browser = i == 0 ? onA : onB;
                String password = passwords.get(i);
                pool.submit(() -> {
                    together.await();
                    HttpResponse<String> answer = browser.post(path,
                            Map.of("password", password, "password2", password));
                    statuses.add(answer.statusCode());
                    return null;
                });
            }
            together.countDown();
        }

        assertEquals(List.of(302, 410), statuses.stream().sorted().toList(), "one node took the link: " + statuses);
        long working = passwords.stream()
                .filter(password -> new AdminBrowser(nodeB.baseUrl()).login("chief@example.org", password)
                        .statusCode() == 302)
                .count();
        assertEquals(1, working, "exactly one of the two passwords was set");
        assertEquals(401, new AdminBrowser(nodeA.baseUrl()).login("chief@example.org", PASSWORD).statusCode(),
                "the old password is gone");
        nodeA.services().mail().deliverDue();
        nodeB.services().mail().deliverDue();
        assertEquals(1, mail.messages().size(), "one mail, sent by one node");
    }
}
