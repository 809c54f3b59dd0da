package org.fentanylkg.http.pages;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small maps for template scopes: {@code View.of("href", url, "text", label)}. */
public final class View {
    private View() {}

    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
