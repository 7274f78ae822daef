package org.edgeofchaos.explorer.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;

/**
 * Writes a session as JSON (atomically) and reads one back. Reading is strict, because a session is usually
 * written by hand only when something is wrong: an unknown field, a value of the wrong kind or out of range, a
 * newer schema or malformed JSON is refused with one message naming the file, the line and the field, and nothing
 * is applied. Missing fields take the defaults (a short hand-written session is fine); only {@code schemaVersion}
 * is required.
 */
public final class SessionFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The file name ending the window suggests, {@code my-class.session.json}. */
    public static final String SUFFIX = ".session.json";

    private static final Set<String> TOP = Set.of("format", "schemaVersion", "settings", "view", "runs", "sweep",
            "phaseMap", "parts");
    private static final Set<String> SETTINGS = Set.of(Hyperparameters.Field.LEARNING_RATE.key(),
            Hyperparameters.Field.MOMENTUM.key(), Hyperparameters.Field.BATCH_SIZE.key(),
            Hyperparameters.Field.WEIGHT_DECAY.key(), Hyperparameters.Field.EPOCHS.key(),
            Hyperparameters.Field.SEED.key(), Hyperparameters.Field.INIT_J.key(),
            Hyperparameters.Field.INIT_J0.key(), "trainSize", "resolution", "dataDirectory");
    private static final Set<String> VIEW = Set.of("tab", "xAxis", "theme", "presentation", "hiddenControls");
    private static final Set<String> SWEEP = Set.of("folder", "shipped", "metric");
    private static final Set<String> PHASE = Set.of("n", "columns", "rows", "quantity", "inspectedCell",
            "overlays");

    private SessionFiles() {
    }

    // ---- writing ----

    /** Writes the session atomically; paths under the file's folder are stored relative to it. */
    public static void write(Path file, ExplorerSession session, Map<String, JsonNode> parts)
            throws AtomicFiles.WriteException {
        byte[] bytes = toJson(file, session, parts);
        AtomicFiles.write(file, bytes);
    }

    /** Writes a session whose parts are all in {@link ExplorerSession#parts()}. */
    public static void write(Path file, ExplorerSession session) throws AtomicFiles.WriteException {
        write(file, session, Map.of());
    }

    /** The file's bytes; {@code extraParts} are added to (and win over) the session's own parts. */
    static byte[] toJson(Path file, ExplorerSession session, Map<String, JsonNode> extraParts) {
        SessionPaths paths = new SessionPaths(file);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", ExplorerSession.FORMAT);
        root.put("schemaVersion", ExplorerSession.SCHEMA_VERSION);
        ExplorerSession.Settings s = session.settings();
        if (s != null) {
            ObjectNode o = root.putObject("settings");
            Hyperparameters hp = s.hyperparameters();
            o.put(Hyperparameters.Field.LEARNING_RATE.key(), hp.learningRate());
            o.put(Hyperparameters.Field.MOMENTUM.key(), hp.momentum());
            o.put(Hyperparameters.Field.BATCH_SIZE.key(), hp.batchSize());
            o.put(Hyperparameters.Field.WEIGHT_DECAY.key(), hp.weightDecay());
            o.put(Hyperparameters.Field.EPOCHS.key(), hp.epochs());
            o.put(Hyperparameters.Field.SEED.key(), hp.seed());
            o.put(Hyperparameters.Field.INIT_J.key(), hp.initJ());
            o.put(Hyperparameters.Field.INIT_J0.key(), hp.initJ0());
            o.put("trainSize", s.trainSize());
            o.put("resolution", s.resolution());
            if (s.dataDirectory() != null) {
                o.put("dataDirectory", paths.store(s.dataDirectory()));
            }
        }
        ExplorerSession.View v = session.view();
        if (v != null) {
            ObjectNode o = root.putObject("view");
            putIfNotNull(o, "tab", v.tab());
            putIfNotNull(o, "xAxis", v.xAxis());
            putIfNotNull(o, "theme", v.theme());
            o.put("presentation", v.presentation());
            ArrayNode hidden = o.putArray("hiddenControls");
            v.hiddenControls().forEach(hidden::add);
        }
        ArrayNode runs = root.putArray("runs");
        session.runs().forEach(p -> runs.add(paths.store(p)));
        ExplorerSession.Sweep sweep = session.sweep();
        if (sweep != null) {
            ObjectNode o = root.putObject("sweep");
            if (sweep.shipped()) {
                o.put("shipped", true);
            } else {
                o.put("folder", paths.store(sweep.folder()));
            }
            putIfNotNull(o, "metric", sweep.metric());
        }
        ExplorerSession.PhaseView phase = session.phaseMap();
        if (phase != null) {
            ObjectNode o = root.putObject("phaseMap");
            o.put("n", phase.n());
            o.put("columns", phase.columns());
            o.put("rows", phase.rows());
            putIfNotNull(o, "quantity", phase.quantity());
            if (phase.inspectedCell() != null) {
                o.put("inspectedCell", phase.inspectedCell());
            }
            ArrayNode overlays = o.putArray("overlays");
            phase.overlays().forEach(p -> overlays.add(paths.store(p)));
        }
        Map<String, JsonNode> parts = new LinkedHashMap<>(session.parts());
        parts.putAll(extraParts);
        ObjectNode partsNode = root.putObject("parts");
        parts.forEach((k, n) -> {
            if (n != null) {
                partsNode.set(k, n);
            }
        });
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void putIfNotNull(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    // ---- reading ----

    /** Reads a session file; relative paths are resolved against its folder. */
    public static ExplorerSession read(Path file) throws SessionFileException {
        return read(file, Map.of());
    }

    /**
     * Reads a session file and checks names against what the window knows.
     *
     * @param names allowed values by field path, e.g. {@code view.theme -> [LIGHT, DARK, ...]}; the phase map's
     *              quantity and the sweep metric are always checked
     */
    public static ExplorerSession read(Path file, Map<String, ? extends java.util.Collection<String>> names)
            throws SessionFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SessionFileException(file, 0, null, "no such file", e);
        } catch (IOException e) {
            throw new SessionFileException(file, 0, null, "cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(file, bytes, names);
    }

    /** Parses a session's bytes as if read from {@code file} (which names it in messages and anchors paths). */
    public static ExplorerSession parse(Path file, byte[] bytes) throws SessionFileException {
        return parse(file, bytes, Map.of());
    }

    static ExplorerSession parse(Path file, byte[] bytes, Map<String, ? extends java.util.Collection<String>> names)
            throws SessionFileException {
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new SessionFileException(file, 0, null, "the file is empty; it is not a session", null);
        }
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try {
            collectLines(bytes, lines);
            root = MAPPER.readTree(bytes);
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SessionFileException(file, line, null, syntax(e), e);
        } catch (IOException e) {
            throw new SessionFileException(file, 0, null, "cannot be read (" + e.getMessage() + ")", e);
        }
        Map<String, java.util.Collection<String>> allowed = new HashMap<>(names);
        allowed.put("phaseMap.quantity", java.util.Arrays.stream(org.edgeofchaos.explorer.phase.PhaseMap.Quantity
                .values()).map(Enum::name).toList());
        allowed.put("sweep.metric", java.util.Arrays.stream(org.edgeofchaos.explorer.sweep.SweepMetric.values())
                .map(Enum::name).toList());
        return new Doc(file, lines, allowed).session(root);
    }

    /** Jackson's message without its source excerpt and class names: what is wrong at that place. */
    private static String syntax(StreamReadException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Unexpected end-of-input")) {
            return "the JSON ends too early (a missing '}' or ']', or the file is cut short)";
        }
        if (original.startsWith("Duplicate field")) {
            return "a field appears twice: " + original.lines().findFirst().orElse(original);
        }
        return "malformed JSON: " + original.lines().findFirst().orElse(original)
                .replaceAll("\\s*\\(code \\d+\\)", "");
    }

    /** The line on which every field and array element starts, by its path (settings.learningRate, runs[1]). */
    private static void collectLines(byte[] bytes, Map<String, Integer> lines) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                String path = null;
                if (t == JsonToken.FIELD_NAME) {
                    path = path(ctx);
                } else if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getParent() != null
                        && ctx.getParent().inArray()) {
                    path = path(ctx.getParent());
                } else if (t.isScalarValue() && ctx.inArray()) {
                    path = path(ctx);
                }
                if (path != null) {
                    lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
                }
            }
        }
    }

    private static String path(JsonStreamContext ctx) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            b.append(parts.get(i));
        }
        return b.length() > 0 && b.charAt(0) == '.' ? b.substring(1) : b.toString();
    }

    /** The tree walk with the file's line numbers at hand. */
    private static final class Doc {
        private final Path file;
        private final Map<String, Integer> lines;
        private final SessionPaths paths;
        private final Map<String, java.util.Collection<String>> names;

        Doc(Path file, Map<String, Integer> lines, Map<String, java.util.Collection<String>> names) {
            this.file = file;
            this.lines = lines;
            this.names = names;
            this.paths = new SessionPaths(file);
        }

        SessionFileException error(String path, String reason) {
            return new SessionFileException(file, lineOf(path), path, reason, null);
        }

        int lineOf(String path) {
            for (String p = path; p != null && !p.isEmpty(); p = parent(p)) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
            }
            return 1;
        }

        private static String parent(String p) {
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            return cut <= 0 ? null : p.substring(0, cut);
        }

        ExplorerSession session(JsonNode root) throws SessionFileException {
            if (!root.isObject()) {
                throw new SessionFileException(file, 1, null, "not a session file: the JSON is not an object", null);
            }
            JsonNode format = root.get("format");
            if (format != null && !ExplorerSession.FORMAT.equals(format.asText())) {
                throw error("format", "not a session file: its format is \"" + format.asText()
                        + "\", expected \"" + ExplorerSession.FORMAT + "\"");
            }
            JsonNode version = root.get("schemaVersion");
            if (version == null) {
                throw new SessionFileException(file, 1, "schemaVersion", "not a session file (no schemaVersion; "
                        + "a run file or a sweep folder's file is opened elsewhere)", null);
            }
            if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
                throw error("schemaVersion", "must be a whole number >= 1, got " + version);
            }
            if (version.asInt() > ExplorerSession.SCHEMA_VERSION) {
                throw error("schemaVersion", "written by a newer version of the explorer (schema " + version.asInt()
                        + "); this version reads schema " + ExplorerSession.SCHEMA_VERSION);
            }
            onlyKnown(root, "", TOP);
            ExplorerSession.Settings settings = settings(object(root, "settings"));
            ExplorerSession.View view = view(object(root, "view"));
            List<Path> runs = pathList(root, "", "runs");
            ExplorerSession.Sweep sweep = sweep(object(root, "sweep"));
            ExplorerSession.PhaseView phase = phase(object(root, "phaseMap"));
            Map<String, JsonNode> parts = new LinkedHashMap<>();
            JsonNode partsNode = object(root, "parts");
            if (partsNode != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = partsNode.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    parts.put(e.getKey(), e.getValue());
                }
            }
            return new ExplorerSession(settings, view, runs, sweep, phase, parts);
        }

        private ExplorerSession.Settings settings(JsonNode o) throws SessionFileException {
            Hyperparameters d = Hyperparameters.DEFAULTS;
            if (o == null) {
                return new ExplorerSession.Settings(d, 60000, 28, null);
            }
            onlyKnown(o, "settings", SETTINGS);
            Hyperparameters hp = new Hyperparameters(
                    number(o, "settings", Hyperparameters.Field.LEARNING_RATE.key(), d.learningRate()),
                    number(o, "settings", Hyperparameters.Field.MOMENTUM.key(), d.momentum()),
                    (int) whole(o, "settings", Hyperparameters.Field.BATCH_SIZE.key(), d.batchSize()),
                    number(o, "settings", Hyperparameters.Field.WEIGHT_DECAY.key(), d.weightDecay()),
                    (int) whole(o, "settings", Hyperparameters.Field.EPOCHS.key(), d.epochs()),
                    whole(o, "settings", Hyperparameters.Field.SEED.key(), d.seed()),
                    number(o, "settings", Hyperparameters.Field.INIT_J.key(), d.initJ()),
                    number(o, "settings", Hyperparameters.Field.INIT_J0.key(), d.initJ0()));
            int trainSize = (int) whole(o, "settings", "trainSize", 60000);
            if (trainSize < 1 || trainSize > 60000) {
                throw error("settings.trainSize", "must be 1 to 60000 training images, got " + trainSize);
            }
            int resolution = (int) whole(o, "settings", "resolution", 28);
            if (resolution != 28 && resolution != 14) {
                throw error("settings.resolution", "must be 28 or 14, got " + resolution);
            }
            try {
                hp.validate(trainSize);
            } catch (InvalidSettingException e) {
                throw error("settings." + e.setting(), e.reason());
            }
            String data = text(o, "settings", "dataDirectory", null);
            return new ExplorerSession.Settings(hp, trainSize, resolution, data == null ? null : paths.resolve(data));
        }

        private ExplorerSession.View view(JsonNode o) throws SessionFileException {
            if (o == null) {
                return null;
            }
            onlyKnown(o, "view", VIEW);
            List<String> hidden = new ArrayList<>();
            JsonNode list = o.get("hiddenControls");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw error("view.hiddenControls", "must be a list of control names, got " + list);
                }
                for (int i = 0; i < list.size(); i++) {
                    if (!list.get(i).isTextual()) {
                        throw error("view.hiddenControls[" + i + "]", "must be a control name (text), got "
                                + list.get(i));
                    }
                    hidden.add(list.get(i).asText());
                }
            }
            return new ExplorerSession.View(text(o, "view", "tab", null), text(o, "view", "xAxis", null),
                    text(o, "view", "theme", null), bool(o, "view", "presentation", false), hidden);
        }

        private ExplorerSession.Sweep sweep(JsonNode o) throws SessionFileException {
            if (o == null) {
                return null;
            }
            onlyKnown(o, "sweep", SWEEP);
            boolean shipped = bool(o, "sweep", "shipped", false);
            String folder = text(o, "sweep", "folder", null);
            if (!shipped && folder == null) {
                throw error("sweep", "needs a folder (or \"shipped\": true for the example sweep)");
            }
            return new ExplorerSession.Sweep(shipped ? null : paths.resolve(folder), shipped,
                    text(o, "sweep", "metric", null));
        }

        private ExplorerSession.PhaseView phase(JsonNode o) throws SessionFileException {
            if (o == null) {
                return null;
            }
            onlyKnown(o, "phaseMap", PHASE);
            int n = (int) whole(o, "phaseMap", "n", 400);
            int columns = (int) whole(o, "phaseMap", "columns", 100);
            int rows = (int) whole(o, "phaseMap", "rows", columns);
            if (n < 2 || n > org.edgeofchaos.explorer.phase.PhaseMapSpec.MAX_N_IN_WINDOW) {
                throw error("phaseMap.n", "must be 2 to " + org.edgeofchaos.explorer.phase.PhaseMapSpec.MAX_N_IN_WINDOW
                        + ", got " + n);
            }
            int maxSide = org.edgeofchaos.explorer.phase.PhaseMapSpec.MAX_CELLS_PER_SIDE;
            if (columns < 2 || columns > maxSide) {
                throw error("phaseMap.columns", "must be 2 to " + maxSide + ", got " + columns);
            }
            if (rows < 2 || rows > maxSide) {
                throw error("phaseMap.rows", "must be 2 to " + maxSide + ", got " + rows);
            }
            Integer cell = null;
            JsonNode c = o.get("inspectedCell");
            if (c != null && !c.isNull()) {
                long v = whole(o, "phaseMap", "inspectedCell", 0);
                if (v < 0 || v >= (long) columns * rows) {
                    throw error("phaseMap.inspectedCell", "must be a cell index 0 to " + ((long) columns * rows - 1)
                            + " of the " + columns + "×" + rows + " map, got " + v);
                }
                cell = (int) v;
            }
            return new ExplorerSession.PhaseView(n, columns, rows, text(o, "phaseMap", "quantity", null), cell,
                    pathList(o, "phaseMap", "overlays"));
        }

        // ---- typed fields ----

        private JsonNode object(JsonNode parent, String name) throws SessionFileException {
            JsonNode o = parent.get(name);
            if (o == null || o.isNull()) {
                return null;
            }
            if (!o.isObject()) {
                throw error(name, "must be an object { ... }, got " + brief(o));
            }
            return o;
        }

        private void onlyKnown(JsonNode o, String path, Set<String> known) throws SessionFileException {
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!known.contains(name)) {
                    String where = path.isEmpty() ? name : path + "." + name;
                    throw error(where, "unknown field; the fields here are " + String.join(", ",
                            known.stream().sorted().toList()));
                }
            }
        }

        private double number(JsonNode o, String path, String name, double fallback) throws SessionFileException {
            JsonNode v = o.get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw error(path + "." + name, "must be a number, got " + brief(v));
            }
            return v.asDouble();
        }

        private long whole(JsonNode o, String path, String name, long fallback) throws SessionFileException {
            JsonNode v = o.get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() && !v.canConvertToLong()) {
                throw error(path + "." + name, "must be a whole number, got " + brief(v));
            }
            if (!name.equals("seed") && !v.canConvertToInt()) {
                throw error(path + "." + name, "is too large: " + v);
            }
            return v.asLong();
        }

        private boolean bool(JsonNode o, String path, String name, boolean fallback) throws SessionFileException {
            JsonNode v = o.get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw error(path + "." + name, "must be true or false, got " + brief(v));
            }
            return v.asBoolean();
        }

        private String text(JsonNode o, String path, String name, String fallback) throws SessionFileException {
            JsonNode v = o.get(name);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw error(path + "." + name, "must be a non-empty text, got " + brief(v));
            }
            java.util.Collection<String> allowed = names.get(path + "." + name);
            if (allowed != null && !allowed.contains(v.asText())) {
                throw error(path + "." + name, "must be one of " + String.join(", ", allowed) + ", got " + brief(v));
            }
            return v.asText();
        }

        private List<Path> pathList(JsonNode o, String path, String name) throws SessionFileException {
            String where = path.isEmpty() ? name : path + "." + name;
            JsonNode list = o.get(name);
            List<Path> result = new ArrayList<>();
            if (list == null || list.isNull()) {
                return result;
            }
            if (!list.isArray()) {
                throw error(where, "must be a list of file paths, got " + brief(list));
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode v = list.get(i);
                if (!v.isTextual() || v.asText().isBlank()) {
                    throw error(where + "[" + i + "]", "must be a file path (text), got " + brief(v));
                }
                try {
                    result.add(paths.resolve(v.asText()));
                } catch (java.nio.file.InvalidPathException e) {
                    throw error(where + "[" + i + "]", "is not a valid path: " + v.asText());
                }
            }
            return result;
        }

        private static String brief(JsonNode v) {
            String s = v.toString();
            return s.length() > 40 ? s.substring(0, 37) + "…" : s;
        }
    }
}
