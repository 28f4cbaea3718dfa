package dev.byline.web.admin;

/**
 * A browser's User-Agent header in the words of a session list: "Firefox on Windows", "Safari on iPhone".
 * Only for recognising one's own sessions; nothing is decided by it.
 */
final class UserAgents {

    private UserAgents() {
    }

    static String summary(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser";
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        return system.isEmpty() ? browser : browser + " on " + system;
    }

    private static String browser(String ua) {
        if (ua.contains("Edg/") || ua.contains("EdgA/") || ua.contains("EdgiOS/")) {
            return "Edge";
        }
        if (ua.contains("OPR/") || ua.contains("Opera")) {
            return "Opera";
        }
        if (ua.contains("Firefox/") || ua.contains("FxiOS/")) {
            return "Firefox";
        }
        if (ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/")) {
            return ua.contains("HeadlessChrome") ? "Chrome (headless)" : "Chrome";
        }
        if (ua.contains("Safari/") && ua.contains("Version/")) {
            return "Safari";
        }
        if (ua.startsWith("curl/")) {
            return "curl";
        }
        if (ua.startsWith("Java-http-client") || ua.startsWith("Java/")) {
            return "Java HTTP client";
        }
        String first = ua.split("[\\s/]", 2)[0];
        return first.length() > 40 ? first.substring(0, 40) : first;
    }

    private static String system(String ua) {
        if (ua.contains("iPhone")) {
            return "iPhone";
        }
        if (ua.contains("iPad")) {
            return "iPad";
        }
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Linux") || ua.contains("X11")) {
            return "Linux";
        }
        return "";
    }
}
