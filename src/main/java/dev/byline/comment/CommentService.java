package dev.byline.comment;

import dev.byline.account.Actor;
import dev.byline.account.Policy;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Comments: posting under the rules ({@link #post}), the public thread ({@link #thread}), and moderation.
 * Every write goes through the change feed; a write that changes what readers see (a comment becoming, staying or
 * ceasing to be approved) announces {@link Keys#comments} of its article, so the article page (the thread and the
 * count by the headline) is dropped from every node's cache, and no other page.
 */
public final class CommentService implements AutoCloseable {

    /** The change feed's entity kind for a comment. */
    public static final String ENTITY = "comment";
    /** WordPress's words. */
    static final String DUPLICATE = "Duplicate comment detected; it looks as though you’ve already said that!";
    static final String FLOOD = "You are posting comments too quickly. Slow down.";
    /** Why a comment sent with the page's own form token waits: how long the form was open cannot be told. */
    static final String PAGE_FORM = "Sent with the form as the page came (no script ran), so how long it was open "
            + "is unknown.";
    static final String CLOSED = "Sorry, comments are closed for this item.";
    static final String UNAPPROVED_PARENT = "Sorry, replies to unapproved comments are not allowed.";
    private static final Logger LOG = LoggerFactory.getLogger(CommentService.class);

    /** What a post did: the comment as stored (its status and reason say what the rules decided). */
    public record Posted(Comment comment) {
    }

    /**
     * A page of an article's discussion.
     *
     * @param comments   this page's approved comments (top-level and their replies) and the reader's own held ones,
     *                   oldest first
     * @param approved   every approved comment of the article (the count readers see)
     * @param pages      pages of top-level comments (at least 1)
     * @param open       new comments are taken
     * @param closesAt   when the age rule will close it (null: never, or already closed)
     */
    public record Thread(long articleId, List<Comment> comments, long approved, long page, long pages, boolean open,
                         Instant closesAt, int depth) {
    }

    private final CommentStore store;
    private final ChangeFeed changes;
    private final Supplier<Settings> settings;
    private final FormTokens tokens;
    private final CommentLimits limits;
    private final Clock clock;
    private final CommentMail mail;

    public CommentService(CommentStore store, ChangeFeed changes, Supplier<Settings> settings, FormTokens tokens,
                          CommentLimits limits, Clock clock) {
        this(store, changes, settings, tokens, limits, clock, null);
    }

    /** @param mail the notifications, or null to send none */
    public CommentService(CommentStore store, ChangeFeed changes, Supplier<Settings> settings, FormTokens tokens,
                          CommentLimits limits, Clock clock, CommentMail mail) {
        this.store = store;
        this.changes = changes;
        this.settings = settings;
        this.tokens = tokens;
        this.limits = limits;
        this.clock = clock;
        this.mail = mail;
    }

    private final java.util.concurrent.ScheduledExecutorService timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    java.lang.Thread.ofPlatform().name("byline-comment-housekeeping").daemon().factory());

    /** Sweeps every {@code every}: see {@link #sweep}. */
    public void startHousekeeping(Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("comment housekeeping failed; trying again at the next sweep", e);
            }
        }, every.toMillis(), every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Forgets commenters' IP addresses older than the retention setting (they are kept for moderation only), and
     * flood and bucket rows no rule reads any more (a full bucket is the same as none). Idempotent: nodes sweeping
     * at once do no harm.
     *
     * @return how many comments' addresses were forgotten
     */
    public int sweep() {
        long now = clock.millis();
        int forgotten = store.forgetAddresses(now - Duration.ofDays(settings.get().comments().ipRetentionDays())
                .toMillis());
        store.pruneLimits(now - Math.max(limits.flood().toMillis(),
                limits.refill().toMillis() * Math.max(1, limits.bucketCapacity())));
        return forgotten;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The same service with other limits (benchmarks run with {@link CommentLimits#OFF}). */
    public CommentService withLimits(CommentLimits other) {
        return new CommentService(store, changes, settings, tokens, other, clock, mail);
    }

    public java.util.Optional<CommentMail> mail() {
        return java.util.Optional.ofNullable(mail);
    }

    /**
     * Stops the follow-up mail of the comment a link names (and of the same address's other comments on that
     * article); false when the link is not genuine. Taking it twice is the same as once.
     */
    public boolean unsubscribe(long commentId, String signature) {
        if (!tokens.verify("unsubscribe", String.valueOf(commentId), signature)) {
            return false;
        }
        return changes.write("comment.unsubscribed", handle -> {
            store.find(handle, commentId).ifPresent(comment -> store.unsubscribe(handle, comment));
            return Written.of(true, Set.of(), List.of());
        });
    }

    public FormTokens tokens() {
        return tokens;
    }

    /** A comment brought from another system (a WordPress export): as it was there, no rule applied. */
    public record Imported(String name, String email, String url, String ip, String text, CommentStatus status,
                           Instant at, int parentIndex) {
    }

    /**
     * Stores an article's comments as they were elsewhere, in one transaction: their names, addresses, texts, dates
     * and moderation states as given (no rule is applied, no mail is sent); {@link Imported#parentIndex} names the
     * comment replied to by its place in {@code comments} (-1 for none), which must come before it. The text is made
     * safe as a reader's would be. Returns the new ids, in order.
     */
    public List<Long> importThread(long articleId, List<Imported> comments) {
        if (comments.isEmpty()) {
            return List.of();
        }
        return changes.write("comments.imported", handle -> {
            var ids = new java.util.ArrayList<Long>();
            var made = new java.util.ArrayList<Comment>();
            var entities = new java.util.ArrayList<Change.Entity>();
            for (Imported c : comments) {
                Comment parent = c.parentIndex() >= 0 && c.parentIndex() < made.size() ? made.get(c.parentIndex())
                        : null;
                String text = c.text() == null ? "" : c.text().strip();
                var comment = new Comment(0, articleId, parent == null ? 0 : parent.id(),
                        parent == null ? 0 : parent.threadId(), parent == null ? 1 : parent.depth() + 1,
                        clip(c.name() == null || c.name().isBlank() ? "Anonymous" : c.name().strip(), 200),
                        c.email() == null ? "" : c.email().strip().toLowerCase(java.util.Locale.ROOT),
                        c.url() == null ? "" : clip(c.url().strip(), 500), c.ip() == null ? "" : c.ip(), "", 0, text,
                        CommentText.html(text), c.status(), "imported", false, c.at(), c.at(), 1);
                long id = store.insert(handle, comment);
                Comment saved = store.find(handle, id).orElseThrow();
                made.add(saved);
                ids.add(id);
                entities.add(new Change.Entity(ENTITY, id, false, saved.approved()));
            }
            return Written.of(List.copyOf(ids), Set.of(Keys.comments(articleId)), entities);
        });
    }

    /**
     * Takes a comment through the rules and stores it approved, held or as spam, with the reason.
     *
     * @throws Invalid   a field is missing or wrong, or the form's token is forged or expired ({@code form})
     * @throws NotFound  no published article has this id
     * @throws Forbidden the discussion is closed, or the reply is to a comment that is not approved
     * @throws Conflict  the same text was already posted here by the same name or email
     * @throws Throttled the same IP or email commented less than 15 s ago, or the IP's bucket is empty
     */
    public Posted post(Submission submission) {
        Submission.Staff staff = submission.staff();
        var checked = staff == null
                ? CommentText.check(submission.name(), submission.email(), submission.url(), submission.text(), false)
                : CommentText.check(staff.name(), staff.email(), "", submission.text(), true);
        Instant now = clock.instant();
        long secondsOpen = Long.MAX_VALUE;
        boolean pageForm = false;
        if (staff == null) {
            switch (tokens.check(submission.articleId(), submission.token())) {
                case FormTokens.Good good when good.fromPage() -> pageForm = true; // open for how long: unknown
                case FormTokens.Good good -> secondsOpen = Duration.between(good.madeAt(), now).toSeconds();
                case FormTokens.Expired expired -> throw new Invalid(Map.of("form", "This form was open too long "
                        + "and has expired. Your comment is still below: please send it again."));
                case FormTokens.Forged forged -> throw new Invalid(Map.of("form", "This form could not be checked. "
                        + "Your comment is still below: please send it again."));
            }
        }
        Settings.Discussion rules = settings.get().comments();
        final long open = secondsOpen;
        final boolean timeUnknown = pageForm;
        Comment stored = changes.write("comment.posted", handle -> {
            CommentStore.Target target = store.target(handle, submission.articleId())
                    .filter(CommentStore.Target::published)
                    .orElseThrow(() -> new NotFound("This article does not exist, or is no longer published."));
            if (!open(target, rules, now)) {
                throw new Forbidden(CLOSED);
            }
            long parentId = 0;
            long threadId = 0;
            int depth = 1;
            if (submission.parentId() != 0) {
                Comment parent = store.find(handle, submission.parentId())
                        .filter(found -> found.articleId() == target.id() && found.approved())
                        .orElseThrow(() -> new Forbidden(UNAPPROVED_PARENT));
                // a reply past the deepest level sits beside the comment it answers, at that level
                if (parent.depth() >= rules.threadDepth() && parent.parentId() != 0) {
                    parentId = parent.parentId();
                    depth = parent.depth();
                } else if (parent.depth() >= rules.threadDepth()) {
                    depth = 1; // nesting is off (depth 1): every comment at the top level
                } else {
                    parentId = parent.id();
                    depth = parent.depth() + 1;
                }
                threadId = depth == 1 ? 0 : parent.threadId();
            }
            if (store.duplicate(handle, target.id(), parentId, checked.name(), checked.email(), checked.text())) {
                throw new Conflict(DUPLICATE);
            }
            boolean moderator = staff != null && Policy.mayModerateComments(staff.actor(), target.authorIds());
            Decision decision = ModerationRules.decide(new ModerationRules.Facts(checked.name(), checked.email(),
                    checked.url(), checked.text(), submission.ip(), submission.userAgent(),
                    staff == null ? submission.honeypot() : "", open, limits.minimumOpen().toSeconds(), moderator,
                    store.previouslyApproved(handle, checked.name(), checked.email())), rules);
            if (timeUnknown && decision.status() == CommentStatus.APPROVED) {
                // the cached page's token: a bot that fetched the page passes the minimum time with it
                decision = new Decision(CommentStatus.PENDING, PAGE_FORM);
            }
            if (!moderator) {
                throttle(handle, submission.ip(), checked.email(), now.toEpochMilli());
            }
            var comment = new Comment(0, target.id(), parentId, threadId, depth, checked.name(), checked.email(),
                    checked.url(), submission.ip(), clip(submission.userAgent(), 500),
                    staff == null ? 0 : staff.actor().userId(), checked.text(), CommentText.html(checked.text()),
                    decision.status(), decision.reason(), submission.followUps(), now, now, 1);
            long id = store.insert(handle, comment);
            if (submission.parentId() != 0 && submission.parentId() != parentId) {
                store.answers(handle, id, submission.parentId()); // past the deepest level: who was answered
            }
            Comment saved = store.find(handle, id).orElseThrow();
            if (mail != null && saved.approved()) {
                mail.approved(handle, store, saved, target);
            } else if (mail != null && saved.status() == CommentStatus.PENDING) {
                mail.held(handle, saved, target);
            }
            return Written.of(saved, saved.approved() ? Set.of(Keys.comments(target.id()), Keys.ALL_COMMENTS) : Set.of(),
                    List.of(new Change.Entity(ENTITY, id, false, saved.approved())));
        });
        // not the reason: it may quote a moderation word that is someone's email or IP address (the queue shows it)
        LOG.info("comment {} on article {}: {}", stored.id(), stored.articleId(), stored.status().dbValue());
        return new Posted(stored);
    }

    /**
     * Whom the per-address limits count: an IPv4 address, or an IPv6 address's /64 (one host is given a whole /64
     * and could step through it, a new address for each comment).
     */
    static String throttleKey(String ip) {
        if (ip.indexOf(':') < 0) {
            return ip;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(ip).getAddress(); // a literal (it has a ':'): no lookup
            if (bytes.length != 16) {
                return ip; // an IPv4 address written the IPv6 way comes back as 4 bytes
            }
            var prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix + ":/64";
        } catch (java.net.UnknownHostException e) {
            return ip;
        }
    }

    /** The flood rule (per IP and per email) and the IP's token bucket; a refusal writes nothing. */
    private void throttle(Handle handle, String address, String email, long now) {
        if (limits.off()) {
            return;
        }
        String ip = address.isEmpty() ? "" : throttleKey(address);
        long window = limits.flood().toMillis();
        if (!store.passFlood(handle, "email:" + email, now, window)
                || (!ip.isEmpty() && !store.passFlood(handle, "ip:" + ip, now, window))) {
            throw new Throttled(FLOOD, limits.flood().toSeconds());
        }
        if (ip.isEmpty()) {
            return;
        }
        long wait = store.takeToken(handle, ip, now, limits.bucketCapacity(), limits.refill().toMillis());
        if (wait > 0) {
            long minutes = Math.max(1, (wait + 59_999) / 60_000);
            throw new Throttled("Too many comments have come from your address. Please wait " + minutes
                    + (minutes == 1 ? " minute" : " minutes") + " and send it again.", (wait + 999) / 1000);
        }
    }

    /** Open: not closed by an editor, and not older than the age rule allows. */
    static boolean open(CommentStore.Target target, Settings.Discussion rules, Instant now) {
        return !target.closed() && (closesAt(target, rules) == null || now.isBefore(closesAt(target, rules)));
    }

    private static Instant closesAt(CommentStore.Target target, Settings.Discussion rules) {
        return rules.closeAfterDays() == 0 || target.publishedAt() == null ? null
                : target.publishedAt().plus(Duration.ofDays(rules.closeAfterDays()));
    }

    /**
     * A page of an article's discussion, as the public sees it, with the reader's own held comments among it
     * ({@code heldIds}: read from the reader's cookie; empty for every shared page).
     */
    public Thread thread(long articleId, long page, Collection<Long> heldIds) {
        Settings.Discussion rules = settings.get().comments();
        return store.jdbi().withHandle(handle -> {
            CommentStore.Target target = store.target(handle, articleId)
                    .orElseThrow(() -> new NotFound("There is no such article."));
            CommentStore.Counts counts = store.counts(handle, articleId);
            long pages = Math.max(1, (counts.topLevel() + rules.perPage() - 1) / rules.perPage());
            long shown = Math.min(Math.max(1, page), pages);
            var comments = new java.util.ArrayList<>(store.threadPage(handle, articleId, rules.perPage(),
                    (shown - 1) * rules.perPage()));
            var threads = comments.stream().map(Comment::threadId).collect(java.util.stream.Collectors.toSet());
            // a held reply shows on the page of its thread, a held top-level comment on the last page
            store.held(handle, articleId, heldIds).stream()
                    .filter(held -> held.parentId() == 0 ? shown == pages : threads.contains(held.threadId()))
                    .forEach(comments::add);
            comments.sort(java.util.Comparator.comparing(Comment::createdAt).thenComparing(Comment::id));
            Instant now = clock.instant();
            boolean open = target.published() && open(target, rules, now);
            return new Thread(articleId, List.copyOf(comments), counts.approved(), shown, pages, open,
                    open ? closesAt(target, rules) : null, rules.threadDepth());
        });
    }

    /** The page of its article's discussion a comment is shown on: its thread's (a held top-level one: the last). */
    public long pageOf(Comment comment) {
        int perPage = settings.get().comments().perPage();
        return store.jdbi().withHandle(handle -> {
            if (comment.parentId() == 0 && !comment.approved()) {
                long topLevel = store.counts(handle, comment.articleId()).topLevel();
                return Math.max(1, (topLevel + perPage - 1) / perPage);
            }
            Comment root = comment.threadId() == comment.id() ? comment
                    : store.find(handle, comment.threadId()).orElse(comment);
            return store.topLevelBefore(handle, comment.articleId(), root.createdAt().toEpochMilli(), root.id())
                    / perPage + 1;
        });
    }

    /** The article a comment may be posted under (published or not), for its address. */
    public Optional<CommentStore.Target> article(long articleId) {
        return store.jdbi().withHandle(handle -> store.target(handle, articleId));
    }

    public Optional<Comment> find(long id) {
        return store.find(id);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
