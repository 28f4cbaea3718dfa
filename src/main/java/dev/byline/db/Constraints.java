package dev.byline.db;

import java.sql.SQLException;

/**
 * Recognises a constraint the database refused a write with, on both dialects, so a service can turn a race it
 * lost (two writers taking one slug at once) into a message instead of a 500.
 */
public final class Constraints {

    private Constraints() {
    }

    /** A UNIQUE or primary key constraint: PostgreSQL's SQLSTATE 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY. */
    public static boolean isUniqueViolation(Throwable error) {
        return find(error, "23505", "UNIQUE constraint failed", "PRIMARYKEY");
    }

    /** A foreign key: PostgreSQL's 23503, SQLite's "FOREIGN KEY constraint failed". */
    public static boolean isForeignKeyViolation(Throwable error) {
        return find(error, "23503", "FOREIGN KEY constraint failed", null);
    }

    private static boolean find(Throwable error, String sqlState, String sqliteMessage, String sqliteCode) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String message = sql.getMessage() == null ? "" : sql.getMessage();
                if (sqlState.equals(sql.getSQLState()) || message.contains(sqliteMessage)
                        || (sqliteCode != null && message.contains("SQLITE_CONSTRAINT_" + sqliteCode))) {
                    return true;
                }
            }
        }
        return false;
    }
}
