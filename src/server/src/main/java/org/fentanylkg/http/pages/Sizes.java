package org.fentanylkg.http.pages;

import java.util.Locale;

/** Byte counts for people: "1.4 MB". */
final class Sizes {
    private Sizes() {}

    static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
