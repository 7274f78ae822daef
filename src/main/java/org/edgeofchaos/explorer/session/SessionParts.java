package org.edgeofchaos.explorer.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The parts features registered, by key, in registration order. One per window. */
public final class SessionParts {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final Map<String, SessionPart> parts = new LinkedHashMap<>();

    /** Adds a feature's part; a second part with the same key is a programming error. */
    public void register(SessionPart part) {
        if (!KEY.matcher(part.key()).matches()) {
            throw new IllegalArgumentException("a session part key is letters, digits, '-' and '_': " + part.key());
        }
        if (parts.putIfAbsent(part.key(), part) != null) {
            throw new IllegalArgumentException("two session parts with the key " + part.key());
        }
    }

    public Optional<SessionPart> get(String key) {
        return Optional.ofNullable(parts.get(key));
    }

    public List<SessionPart> all() {
        return new ArrayList<>(parts.values());
    }
}
