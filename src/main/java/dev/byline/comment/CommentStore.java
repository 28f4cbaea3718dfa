package dev.byline.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of comments (V011): the rows, the thread of an article, the queue, and the flood and bucket limits. */
public final class CommentStore {

    static final String COLUMNS = "c.id, c.article_id, c.parent_id, c.thread_id, c.depth, c.author_name, "
            + "c.author_email, c.author_url, c.author_ip, c.user_agent, c.user_id, c.body, c.body_html, c.status, "
            + "c.reason, c.notify, c.created_at, c.updated_at, c.version";

    /**
     * The article a comment is posted under, as the rules need it.
     *
     * @param published   public now (status published, kind article)
     * @param closed      an editor closed its discussion
     * @param authorIds   its bylines: their accounts moderate its comments
     */
    public record Target(long id, String title, String slug, boolean published, Instant publishedAt, boolean closed,
                         List<Long> authorIds) {
    }

    /** One comment's row for the queue, with its article's title. */
    public record Listed(Comment comment, String articleTitle, String articleSlug, Instant articlePublishedAt) {
    }

    /** An article's approved comments: all of them, and those at the top level (they make the pages). */
    public record Counts(long approved, long topLevel) {
    }

    private final Jdbi jdbi;

    public CommentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Optional<Target> target(Handle handle, long articleId) {
        return handle.createQuery("""
                        SELECT a.id, a.title, a.slug, a.status, a.kind, a.published_at,
                               (SELECT count(*) FROM comment_closed x WHERE x.article_id = a.id) AS closed
                        FROM articles a WHERE a.id = :id
                        """)
                .bind("id", articleId)
                .map((rs, ctx) -> new Target(rs.getLong("id"), rs.getString("title"), rs.getString("slug"),
                        "published".equals(rs.getString("status")) && "article".equals(rs.getString("kind")),
                        rs.getObject("published_at") == null ? null : Instant.ofEpochMilli(rs.getLong("published_at")),
                        rs.getLong("closed") > 0, List.of()))
                .findOne()
                .map(target -> new Target(target.id(), target.title(), target.slug(), target.published(),
                        target.publishedAt(), target.closed(), authorIds(handle, articleId)));
    }

    List<Long> authorIds(Handle handle, long articleId) {
        return handle.createQuery("SELECT author_id FROM article_authors WHERE article_id = :id ORDER BY position")
                .bind("id", articleId).mapTo(Long.class).list();
    }

    Optional<Comment> find(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.id = :id")
                .bind("id", id).map(CommentStore::comment).findOne();
    }

    Optional<Comment> find(long id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    /** WordPress's duplicate: the same text under the same article from the same name or email. */
    boolean duplicate(Handle handle, long articleId, long parentId, String name, String email, String body) {
        return handle.createQuery("""
                        SELECT count(*) FROM comments
                        WHERE article_id = :article AND COALESCE(parent_id, 0) = :parent AND body = :body
                          AND (author_name = :name OR author_email = :email) AND status <> 'trash'
                        """)
                .bind("article", articleId).bind("parent", parentId).bind("body", body).bind("name", name)
                .bind("email", email).mapTo(Long.class).one() > 0;
    }

    /** WordPress's "previously approved": an approved comment with this name and this email. */
    boolean previouslyApproved(Handle handle, String name, String email) {
        return handle.createQuery("""
                        SELECT count(*) FROM comments
                        WHERE author_email = :email AND status = 'approved' AND author_name = :name
                        """)
                .bind("email", email).bind("name", name).mapTo(Long.class).one() > 0;
    }

    long insert(Handle handle, Comment comment) {
        long id = handle.createUpdate("""
                        INSERT INTO comments (article_id, parent_id, thread_id, depth, author_name, author_email,
                            author_url, author_ip, user_agent, user_id, body, body_html, status, reason, notify,
                            created_at, updated_at, version)
                        VALUES (:article, :parent, :thread, :depth, :name, :email, :url, :ip, :agent, :user, :body,
                            :html, :status, :reason, :notify, :now, :now, 1)
                        """)
                .bind("article", comment.articleId())
                .bind("parent", comment.parentId() == 0 ? null : comment.parentId())
                .bind("thread", comment.threadId()).bind("depth", comment.depth())
                .bind("name", comment.authorName()).bind("email", comment.authorEmail())
                .bind("url", comment.authorUrl()).bind("ip", comment.ip()).bind("agent", comment.userAgent())
                .bind("user", comment.userId() == 0 ? null : comment.userId())
                .bind("body", comment.body()).bind("html", comment.bodyHtml())
                .bind("status", comment.status().dbValue()).bind("reason", comment.reason())
                .bind("notify", comment.followUps() ? 1 : 0).bind("now", comment.createdAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        if (comment.threadId() == 0) {
            handle.createUpdate("UPDATE comments SET thread_id = id WHERE id = :id").bind("id", id).execute();
        }
        return id;
    }

    /**
     * The flood rule for one subject ({@code ip:…}, {@code email:…}): records {@code now} as its last comment and
     * answers true, unless its last one was less than {@code windowMillis} ago (then false, nothing changed). One
     * statement: on PostgreSQL a second writer on the same subject waits for the first's row and then sees its time.
     */
    boolean passFlood(Handle handle, String subject, long now, long windowMillis) {
        return handle.createUpdate("""
                        INSERT INTO comment_flood (subject, last_at) VALUES (:subject, :now)
                        ON CONFLICT (subject) DO UPDATE SET last_at = excluded.last_at
                        WHERE comment_flood.last_at <= :before
                        """)
                .bind("subject", subject).bind("now", now).bind("before", now - windowMillis).execute() == 1;
    }

    /**
     * Takes one token from the IP's bucket (full at first: {@code capacity} tokens, one more every
     * {@code refillMillis}); answers 0 when taken, else how many milliseconds until one is there. The refill and
     * the take are one conditional UPDATE, so two nodes cannot both take the last token.
     */
    long takeToken(Handle handle, String ip, long now, int capacity, long refillMillis) {
        long full = capacity * 1000L;
        handle.createUpdate("""
                        INSERT INTO comment_buckets (ip, millitokens, updated_at) VALUES (:ip, :full, :now)
                        ON CONFLICT (ip) DO NOTHING
                        """)
                .bind("ip", ip).bind("full", full).bind("now", now).execute();
        String refilled = "CASE WHEN millitokens + (:now - updated_at) * 1000 / :refill > :full THEN :full "
                + "ELSE millitokens + (:now - updated_at) * 1000 / :refill END";
        int taken = handle.createUpdate("UPDATE comment_buckets SET millitokens = " + refilled + " - 1000, "
                        + "updated_at = :now WHERE ip = :ip AND " + refilled + " >= 1000")
                .bind("ip", ip).bind("now", now).bind("full", full).bind("refill", refillMillis).execute();
        if (taken == 1) {
            return 0;
        }
        long have = handle.createQuery("SELECT " + refilled + " FROM comment_buckets WHERE ip = :ip")
                .bind("ip", ip).bind("now", now).bind("full", full).bind("refill", refillMillis)
                .mapTo(Long.class).one();
        return Math.max(1, (1000 - have) * refillMillis / 1000);
    }

    Counts counts(Handle handle, long articleId) {
        return handle.createQuery("""
                        SELECT count(*) AS approved,
                               COALESCE(sum(CASE WHEN c.parent_id IS NULL THEN 1 ELSE 0 END), 0) AS top_level
                        FROM comments c JOIN comments t ON t.id = c.thread_id
                        WHERE c.article_id = :article AND c.status = 'approved' AND t.status = 'approved'
                        """)
                .bind("article", articleId)
                .map((rs, ctx) -> new Counts(rs.getLong("approved"), rs.getLong("top_level"))).one();
    }

    /**
     * A page of the public thread in one query: the page's approved top-level comments (oldest first) and every
     * approved reply in their threads, in the order they were written.
     */
    List<Comment> threadPage(Handle handle, long articleId, int size, long offset) {
        return handle.createQuery("SELECT " + COLUMNS + """
                         FROM comments c
                        WHERE c.status = 'approved' AND c.thread_id IN (
                            SELECT t.id FROM comments t
                            WHERE t.article_id = :article AND t.status = 'approved' AND t.parent_id IS NULL
                            ORDER BY t.created_at, t.id LIMIT :size OFFSET :offset)
                        ORDER BY c.created_at, c.id
                        """)
                .bind("article", articleId).bind("size", size).bind("offset", offset)
                .map(CommentStore::comment).list();
    }

    /** Approved top-level comments of the article before {@code comment} (oldest first): where it stands. */
    long topLevelBefore(Handle handle, long articleId, long createdAt, long id) {
        return handle.createQuery("""
                        SELECT count(*) FROM comments
                        WHERE article_id = :article AND status = 'approved' AND parent_id IS NULL
                          AND (created_at < :at OR (created_at = :at AND id < :id))
                        """)
                .bind("article", articleId).bind("at", createdAt).bind("id", id).mapTo(Long.class).one();
    }

    /** The reader's own comments still waiting, to show them on the article only to that reader. */
    List<Comment> held(Handle handle, long articleId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.id IN (<ids>) "
                        + "AND c.article_id = :article AND c.status = 'pending' ORDER BY c.created_at, c.id")
                .bindList("ids", List.copyOf(ids)).bind("article", articleId).map(CommentStore::comment).list();
    }

    /**
     * Changes a comment's status when it is at {@code version}: false when someone changed it since.
     * A comment going to the trash remembers where it was, for restore.
     */
    boolean setStatus(Handle handle, long id, long version, CommentStatus status, String reason, long now) {
        return handle.createUpdate("""
                        UPDATE comments SET
                            trashed_from = CASE WHEN :status = 'trash' THEN status ELSE NULL END,
                            status = :status, reason = :reason, updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version
                        """)
                .bind("id", id).bind("version", version).bind("status", status.dbValue()).bind("reason", reason)
                .bind("now", now).execute() == 1;
    }

    Optional<CommentStatus> trashedFrom(Handle handle, long id) {
        return handle.createQuery("SELECT trashed_from FROM comments WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne().flatMap(Optional::ofNullable).map(CommentStatus::of);
    }

    boolean update(Handle handle, long id, long version, String name, String email, String url, String body,
                   String html, long now) {
        return handle.createUpdate("""
                        UPDATE comments SET author_name = :name, author_email = :email, author_url = :url,
                            body = :body, body_html = :html, updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version
                        """)
                .bind("id", id).bind("version", version).bind("name", name).bind("email", email).bind("url", url)
                .bind("body", body).bind("html", html).bind("now", now).execute() == 1;
    }

    /**
     * Deletes a comment for good; its replies move up to its parent (as WordPress does), each with everything under
     * it one level higher, and a reply to a top-level comment becomes a top-level comment heading its own thread.
     *
     * @return whether an approved comment moved (readers may now see replies the deleted comment hid)
     */
    boolean delete(Handle handle, Comment comment) {
        List<Long> replies = childrenOf(handle, comment.id());
        handle.createUpdate("UPDATE comments SET parent_id = :parent WHERE parent_id = :id")
                .bind("parent", comment.parentId() == 0 ? null : comment.parentId()).bind("id", comment.id())
                .execute();
        handle.createUpdate("DELETE FROM comments WHERE id = :id").bind("id", comment.id()).execute();
        boolean approvedMoved = false;
        for (long reply : replies) {
            approvedMoved |= rethread(handle, reply, comment.parentId() == 0 ? reply : comment.threadId(),
                    comment.depth());
        }
        return approvedMoved;
    }

    private boolean rethread(Handle handle, long id, long threadId, int depth) {
        handle.createUpdate("UPDATE comments SET thread_id = :thread, depth = :depth WHERE id = :id")
                .bind("thread", threadId).bind("depth", depth).bind("id", id).execute();
        boolean approved = handle.createQuery("SELECT count(*) FROM comments WHERE id = :id AND status = 'approved'")
                .bind("id", id).mapTo(Long.class).one() > 0;
        for (long reply : childrenOf(handle, id)) {
            approved |= rethread(handle, reply, threadId, depth + 1);
        }
        return approved;
    }

    private static List<Long> childrenOf(Handle handle, long id) {
        return handle.createQuery("SELECT id FROM comments WHERE parent_id = :id ORDER BY id").bind("id", id)
                .mapTo(Long.class).list();
    }

    /** Marks the comment's approval as mailed; false when it was already (the mail goes once). */
    boolean markMailed(Handle handle, long id) {
        return handle.createUpdate("UPDATE comments SET mailed = 1 WHERE id = :id AND mailed = 0").bind("id", id)
                .execute() == 1;
    }

    /** Records the comment the reader replied to (its parent, or deeper than the thread allows). */
    void answers(Handle handle, long id, long answered) {
        handle.createUpdate("UPDATE comments SET answers = :answered WHERE id = :id").bind("answered", answered)
                .bind("id", id).execute();
    }

    /** The comment {@code comment} replied to: the one answered, else its parent; 0 for a top-level comment. */
    long answered(Handle handle, Comment comment) {
        return handle.createQuery("SELECT COALESCE(answers, parent_id, 0) FROM comments WHERE id = :id")
                .bind("id", comment.id()).mapTo(Long.class).findOne().orElse(0L);
    }

    /** No more follow-up mail for this address on this article. */
    void unsubscribe(Handle handle, Comment comment) {
        handle.createUpdate("UPDATE comments SET notify = 0 WHERE article_id = :article AND author_email = :email "
                        + "AND notify = 1")
                .bind("article", comment.articleId()).bind("email", comment.authorEmail()).execute();
    }

    void close(Handle handle, long articleId, boolean closed, long now) {
        if (closed) {
            handle.createUpdate("INSERT INTO comment_closed (article_id, closed_at) VALUES (:id, :now) "
                    + "ON CONFLICT (article_id) DO NOTHING").bind("id", articleId).bind("now", now).execute();
        } else {
            handle.createUpdate("DELETE FROM comment_closed WHERE article_id = :id").bind("id", articleId).execute();
        }
    }

    /** Forgets the IP addresses of comments older than {@code before}. */
    int forgetAddresses(long before) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE comments SET author_ip = '' WHERE created_at < :before AND author_ip <> ''")
                .bind("before", before).execute());
    }

    /** Flood and bucket rows last touched before {@code before}: their rules no longer read them. */
    void pruneLimits(long before) {
        jdbi.useHandle(handle -> {
            handle.createUpdate("DELETE FROM comment_flood WHERE last_at < :before").bind("before", before).execute();
            handle.createUpdate("DELETE FROM comment_buckets WHERE updated_at < :before").bind("before", before)
                    .execute();
        });
    }

    // a commenter's personal data (CommentPrivacy): every comment stored with one email, whatever its status

    /** Every comment stored with {@code email}, with its article, oldest first. */
    List<Listed> byEmail(Handle handle, String email) {
        return handle.createQuery("SELECT " + COLUMNS + """
                        , a.title AS article_title, a.slug AS article_slug, a.published_at AS article_published_at
                        FROM comments c JOIN articles a ON a.id = c.article_id
                        WHERE c.author_email = :email
                        ORDER BY c.created_at, c.id
                        """)
                .bind("email", email)
                .map((rs, ctx) -> new Listed(comment(rs, ctx), rs.getString("article_title"),
                        rs.getString("article_slug"), rs.getObject("article_published_at") == null ? null
                        : Instant.ofEpochMilli(rs.getLong("article_published_at"))))
                .list();
    }

    /**
     * Deletes the address's comments nobody replied to, again until none is left (a reply of theirs to themselves
     * goes first, then the comment it answered): the threads of the others stay whole.
     *
     * @return how many were deleted
     */
    int deleteUnanswered(Handle handle, String email) {
        int total = 0;
        int deleted;
        do {
            deleted = handle.createUpdate("""
                            DELETE FROM comments
                            WHERE author_email = :email
                              AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id)
                            """)
                    .bind("email", email).execute();
            total += deleted;
        } while (deleted > 0);
        return total;
    }

    /** Replaces the text of the address's comments (those kept because others replied to them). */
    void replaceText(Handle handle, String email, String text, String html, long now) {
        handle.createUpdate("""
                        UPDATE comments SET body = :text, body_html = :html, updated_at = :now, version = version + 1
                        WHERE author_email = :email
                        """)
                .bind("email", email).bind("text", text).bind("html", html).bind("now", now).execute();
    }

    /**
     * WordPress's erasure: the name becomes {@code name}; email, website, IP address and browser are emptied, the
     * follow-up mail stops, and a member of staff's comment no longer names their account.
     *
     * @return how many comments
     */
    int anonymise(Handle handle, String email, String name, long now) {
        return handle.createUpdate("""
                        UPDATE comments SET author_name = :name, author_email = '', author_url = '', author_ip = '',
                            user_agent = '', user_id = NULL, notify = 0, updated_at = :now, version = version + 1
                        WHERE author_email = :email
                        """)
                .bind("email", email).bind("name", name).bind("now", now).execute();
    }

    /** The flood and bucket rows that name the address or the IP addresses its comments came from. */
    void forgetLimits(Handle handle, String email, List<String> ips) {
        handle.createUpdate("DELETE FROM comment_flood WHERE subject = :subject")
                .bind("subject", "email:" + email).execute();
        if (ips.isEmpty()) {
            return;
        }
        handle.createUpdate("DELETE FROM comment_flood WHERE subject IN (<subjects>)")
                .bindList("subjects", ips.stream().map(ip -> "ip:" + ip).toList()).execute();
        handle.createUpdate("DELETE FROM comment_buckets WHERE ip IN (<ips>)").bindList("ips", ips).execute();
    }

    static Comment comment(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("parent_id"),
                rs.getLong("thread_id"), rs.getInt("depth"), rs.getString("author_name"),
                rs.getString("author_email"), rs.getString("author_url"), rs.getString("author_ip"),
                rs.getString("user_agent"), rs.getLong("user_id"), rs.getString("body"), rs.getString("body_html"),
                CommentStatus.of(rs.getString("status")), rs.getString("reason"), rs.getInt("notify") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getLong("version"));
    }
}
