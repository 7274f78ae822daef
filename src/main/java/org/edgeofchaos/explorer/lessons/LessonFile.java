package org.edgeofchaos.explorer.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads a lesson file (format {@value #FORMAT}, schema {@value #SCHEMA_VERSION}) and checks everything in it
 * before the lesson opens: unknown fields and actions, wrong kinds of values, setting values out of range, unknown
 * tabs, folders that do not exist. The first problem is thrown as a {@link LessonFileException} naming the line,
 * the column and the field, so a teacher can fix the file in any text editor.
 *
 * <p>Two passes: a streaming pass records where every value starts (Jackson's tree has no locations), then the
 * file is mapped onto private records that mirror the format; problems found after mapping (a value out of range)
 * are located through the first pass.
 */
public final class LessonFile {
    public static final String FORMAT = "edge-of-chaos-explorer/lesson";
    public static final int SCHEMA_VERSION = 1;
    /** Built-in lessons, and lessons written for them, name their source so. */
    public static final String BUILTIN_PREFIX = "builtin:";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern SHIPPED_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private LessonFile() {
    }

    // ---- the format, as Jackson maps it ----

    private record FileJson(String format, Integer schemaVersion, String id, String title, String summary,
            Integer minutes, List<StepJson> steps) {
    }

    private record StepJson(String title, String text, List<ActionJson> actions, PredictJson predict,
            String observe) {
    }

    private record PredictJson(String question, List<String> choices, Integer answer) {
    }

    private record CellJson(Double j0OverJ, Double oneOverJ) {
    }

    /** One action: exactly one of these is given. */
    private record ActionJson(Map<String, Double> set, String tab, Boolean closeInspector, String phaseMap,
            String sweep, String sweepMetric, String runs, CellJson inspect, Double logisticR, Boolean train) {
    }

    private static final List<String> ACTIONS = List.of("set", "tab", "closeInspector", "phaseMap", "sweep",
            "sweepMetric", "runs", "inspect", "logisticR", "train");

    // ---- reading ----

    /** Reads a teacher's lesson file; folders it names are resolved against the file's folder. */
    public static Lesson read(Path file, LessonRules rules) throws LessonFileException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LessonFileException(name, -1, -1, null, "no such file");
        } catch (IOException e) {
            throw new LessonFileException(name, -1, -1, null, "cannot be read (" + e.getMessage() + ")");
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(bytes, name, base, rules);
    }

    /**
     * Parses lesson text.
     *
     * @param source   the name used in messages (a file path, {@code builtin:id})
     * @param baseDir  folder that relative folder paths are resolved against; null: only shipped folders
     */
    public static Lesson parse(byte[] bytes, String source, Path baseDir, LessonRules rules)
            throws LessonFileException {
        Map<String, JsonLocation> where = locate(bytes, source);
        FileJson json;
        try {
            json = MAPPER.readValue(bytes, FileJson.class);
        } catch (JsonProcessingException e) {
            throw mappingProblem(e, source);
        } catch (IOException e) {
            throw new LessonFileException(source, -1, -1, null, "cannot be read (" + e.getMessage() + ")");
        }
        if (json == null) {
            throw new LessonFileException(source, 1, 1, null, "the file is empty (null); a lesson is a JSON object");
        }
        return new Checker(source, baseDir, rules, where).lesson(json);
    }

    /** First pass: where each value starts, by its path ({@code steps[2].actions[0].set.lr}). */
    private static Map<String, JsonLocation> locate(byte[] bytes, String source) throws LessonFileException {
        Map<String, JsonLocation> where = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new LessonFileException(source, 1, 1, null, "the file is empty; a lesson is a JSON object");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new LessonFileException(source, p.currentTokenLocation().getLineNr(),
                        p.currentTokenLocation().getColumnNr(), null,
                        "a lesson file is one JSON object in { }, found " + describe(first));
            }
            walk(p, "", where);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new LessonFileException(source, l.getLineNr(), l.getColumnNr(), null,
                        "text after the end of the lesson's { } object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new LessonFileException(source, l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr(),
                    null, syntax(e));
        } catch (IOException e) {
            throw new LessonFileException(source, -1, -1, null, "cannot be read (" + e.getMessage() + ")");
        }
        return where;
    }

    private static void walk(JsonParser p, String path, Map<String, JsonLocation> where) throws IOException {
        where.putIfAbsent(path, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                where.put(child + "#name", p.currentTokenLocation());
                p.nextToken();
                walk(p, child, where);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, path + "[" + i++ + "]", where);
            }
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list [ ]";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    /** A JSON syntax error in words (Jackson's message names its internals). */
    private static String syntax(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Unexpected end-of-input")) {
            return "the file ends too early (a missing } or ]?)";
        }
        if (m.startsWith("Duplicate field")) {
            return m.replace("Duplicate field", "the field is given twice:");
        }
        if (m.startsWith("Unrecognized token '")) {
            int end = m.indexOf('\'', 20);
            return "unexpected text '" + m.substring(20, Math.max(20, end)) + "' (strings need double quotes)";
        }
        if (m.startsWith("Unexpected character")) {
            int cut = m.indexOf("):");
            String what = m.substring("Unexpected character (".length(), cut > 0 ? cut : m.length());
            int code = what.indexOf(" (code");
            String ch = code > 0 ? what.substring(0, code) : what;
            String expecting = cut > 0 ? m.substring(cut + 2).trim() : "";
            return "unexpected character " + ch + (expecting.isEmpty() ? "" : ": " + expecting)
                    + " (a missing comma, or a comma too many?)";
        }
        return "not valid JSON: " + m;
    }

    private static LessonFileException mappingProblem(JsonProcessingException e, String source) {
        JsonLocation l = e.getLocation();
        int line = l == null ? -1 : l.getLineNr();
        int column = l == null ? -1 : l.getColumnNr();
        if (!(e instanceof JsonMappingException m)) {
            return new LessonFileException(source, line, column, null, syntax(e));
        }
        String field = path(m.getPath());
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            String name = u.getPropertyName();
            boolean action = field.matches(".*actions\\[\\d+]\\.[^.]+");
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            if (action) {
                known.clear();
                known.addAll(ACTIONS);
            }
            problem = (action ? "unknown action '" : "unknown field '") + name + "' (known: "
                    + String.join(", ", known) + ")";
        } else if (e instanceof InvalidFormatException f) {
            problem = "holds " + quote(f.getValue()) + ", expected " + expected(f.getTargetType());
        } else if (e instanceof MismatchedInputException f && f.getTargetType() != null) {
            problem = "has the wrong kind of value, expected " + expected(f.getTargetType());
        } else {
            problem = "cannot be read: " + m.getOriginalMessage();
        }
        return new LessonFileException(source, line, column, field, problem);
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string in double quotes";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list [ ... ]";
        }
        return "an object { ... }";
    }

    // ---- checks after mapping ----

    /** Turns the mapped records into a lesson, checking values; problems are located by path. */
    private static final class Checker {
        private final String source;
        private final Path baseDir;
        private final LessonRules rules;
        private final Map<String, JsonLocation> where;

        Checker(String source, Path baseDir, LessonRules rules, Map<String, JsonLocation> where) {
            this.source = source;
            this.baseDir = baseDir;
            this.rules = rules;
            this.where = where;
        }

        private LessonFileException problem(String field, String problem) {
            // the value's position; for a missing field, where its object starts
            String at = field;
            while (!where.containsKey(at) && !at.isEmpty()) {
                int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
                at = cut < 0 ? "" : at.substring(0, cut);
            }
            JsonLocation l = where.get(at);
            return new LessonFileException(source, l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr(),
                    field, problem);
        }

        private String text(String value, String field) throws LessonFileException {
            if (value == null || value.isBlank()) {
                throw problem(field, "missing; write some text in double quotes");
            }
            return value.strip();
        }

        Lesson lesson(FileJson f) throws LessonFileException {
            if (f.format() == null) {
                throw problem("format", "missing; a lesson file starts with \"format\": \"" + FORMAT + "\"");
            }
            if (!FORMAT.equals(f.format())) {
                throw problem("format", "\"" + f.format() + "\" is not a lesson file; expected \"" + FORMAT + "\"");
            }
            if (f.schemaVersion() == null) {
                throw problem("schemaVersion", "missing; write \"schemaVersion\": " + SCHEMA_VERSION);
            }
            if (f.schemaVersion() > SCHEMA_VERSION) {
                throw problem("schemaVersion", "the lesson is written for a newer version of the explorer (schema "
                        + f.schemaVersion() + "; this one reads schema " + SCHEMA_VERSION + ")");
            }
            if (f.schemaVersion() < 1) {
                throw problem("schemaVersion", "must be " + SCHEMA_VERSION + ", got " + f.schemaVersion());
            }
            if (f.id() == null || !ID.matcher(f.id()).matches()) {
                throw problem("id", f.id() == null ? "missing; a short name such as \"my-lesson\""
                        : "\"" + f.id() + "\" must be lower-case letters, digits and '-' (at most 64)");
            }
            String title = text(f.title(), "title");
            int minutes = f.minutes() == null ? 0 : f.minutes();
            if (minutes < 0 || minutes > 240) {
                throw problem("minutes", "must be 0 to 240, got " + minutes);
            }
            if (f.steps() == null || f.steps().isEmpty()) {
                throw problem("steps", "missing or empty; a lesson needs at least one step");
            }
            List<LessonStep> steps = new ArrayList<>();
            for (int i = 0; i < f.steps().size(); i++) {
                steps.add(step(f.steps().get(i), "steps[" + i + "]"));
            }
            return new Lesson(f.id(), title, f.summary() == null ? "" : f.summary().strip(), minutes, steps);
        }

        private LessonStep step(StepJson s, String at) throws LessonFileException {
            if (s == null) {
                throw problem(at, "a step is an object { \"title\": ..., \"text\": ... }, found null");
            }
            String title = text(s.title(), at + ".title");
            String text = text(s.text(), at + ".text");
            List<StepAction> actions = new ArrayList<>();
            if (s.actions() != null) {
                for (int i = 0; i < s.actions().size(); i++) {
                    actions.add(action(s.actions().get(i), at + ".actions[" + i + "]"));
                }
            }
            Prediction prediction = s.predict() == null ? null : prediction(s.predict(), at + ".predict");
            String observe = s.observe() == null || s.observe().isBlank() ? null : s.observe().strip();
            if (prediction != null && observe == null) {
                throw problem(at + ".observe", "missing; a step that asks for a prediction says afterwards what "
                        + "to look at");
            }
            return new LessonStep(title, text, actions, prediction, observe);
        }

        private Prediction prediction(PredictJson p, String at) throws LessonFileException {
            String question = text(p.question(), at + ".question");
            if (p.choices() == null || p.choices().size() < 2 || p.choices().size() > 6) {
                throw problem(at + ".choices", "give 2 to 6 choices as a list of strings");
            }
            for (int i = 0; i < p.choices().size(); i++) {
                text(p.choices().get(i), at + ".choices[" + i + "]");
            }
            int answer = -1;
            if (p.answer() != null) {
                if (p.answer() < 1 || p.answer() > p.choices().size()) {
                    throw problem(at + ".answer", "the number of the expected choice, 1 to " + p.choices().size()
                            + ", got " + p.answer());
                }
                answer = p.answer() - 1;
            }
            return new Prediction(question, p.choices().stream().map(String::strip).toList(), answer);
        }

        private StepAction action(ActionJson a, String at) throws LessonFileException {
            if (a == null) {
                throw problem(at, "an action is an object such as { \"tab\": \"phase-diagram\" }, found null");
            }
            List<String> given = new ArrayList<>();
            Object[] values = {a.set(), a.tab(), a.closeInspector(), a.phaseMap(), a.sweep(), a.sweepMetric(), a.runs(),
                    a.inspect(),
                    a.logisticR(), a.train()};
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    given.add(ACTIONS.get(i));
                }
            }
            if (given.isEmpty()) {
                throw problem(at, "an empty action; give one of " + String.join(", ", ACTIONS));
            }
            if (given.size() > 1) {
                throw problem(at + "." + given.get(1), "an action does one thing, this one has '" + given.get(0)
                        + "' and '" + given.get(1) + "'; write them as two actions");
            }
            String kind = given.get(0);
            String field = at + "." + kind;
            return switch (kind) {
                case "set" -> set(a.set(), field);
                case "tab" -> new StepAction.SelectTab(LessonTab.byKey(a.tab()).orElseThrow(() -> problem(field,
                        "unknown tab '" + a.tab() + "' (known: " + LessonTab.keys() + ")")));
                case "closeInspector" -> flag(a.closeInspector(), field, new StepAction.CloseInspector());
                case "phaseMap" -> {
                    if (!"shipped".equals(a.phaseMap())) {
                        throw problem(field, "\"" + a.phaseMap() + "\": only \"shipped\" (the map that comes with "
                                + "the explorer) can be loaded");
                    }
                    yield new StepAction.LoadPhaseMap();
                }
                case "sweep" -> new StepAction.LoadSweep(folder(a.sweep(), field, true));
                case "sweepMetric" -> {
                    org.edgeofchaos.explorer.sweep.SweepMetric m =
                            org.edgeofchaos.explorer.sweep.SweepMetric.byKey(a.sweepMetric());
                    if (m == null) {
                        throw problem(field, "unknown sweep metric '" + a.sweepMetric() + "' (known: "
                                + org.edgeofchaos.explorer.sweep.SweepMetric.keys() + ")");
                    }
                    yield new StepAction.ColourSweepBy(m);
                }
                case "runs" -> new StepAction.ShowRuns(folder(a.runs(), field, false));
                case "inspect" -> inspect(a.inspect(), field);
                case "logisticR" -> {
                    double r = a.logisticR();
                    if (!(r >= 2.5 && r <= 4)) {
                        throw problem(field, "r must be 2.5 to 4 (the bifurcation diagram's range), got " + r);
                    }
                    yield new StepAction.LogisticR(r);
                }
                default -> flag(a.train(), field, new StepAction.Train());
            };
        }

        private StepAction flag(Boolean value, String field, StepAction action) throws LessonFileException {
            if (!value) {
                throw problem(field, "write true (or leave the action out)");
            }
            return action;
        }

        private StepAction set(Map<String, Double> values, String at) throws LessonFileException {
            if (values.isEmpty()) {
                throw problem(at, "empty; name at least one setting, e.g. { \"learningRate\": 0.1 }");
            }
            for (Map.Entry<String, Double> e : values.entrySet()) {
                String field = at + "." + e.getKey();
                if (e.getValue() == null) {
                    throw problem(field, "null; give a number");
                }
                String p = rules.settings().problem(e.getKey(), e.getValue());
                if (p != null) {
                    throw problem(field, p);
                }
            }
            Double batch = values.get("batchSize");
            Double size = values.get(LessonRules.TRAIN_SIZE);
            if (batch != null && size != null && batch > size) {
                throw problem(at + ".batchSize", "the batch size " + batch.intValue()
                        + " is larger than the training images " + size.intValue());
            }
            return new StepAction.SetControls(values);
        }

        private StepAction inspect(CellJson c, String at) throws LessonFileException {
            if (c.j0OverJ() == null) {
                throw problem(at + ".j0OverJ", "missing; the cell's x = J0/J, -1 to 2");
            }
            if (c.oneOverJ() == null) {
                throw problem(at + ".oneOverJ", "missing; the cell's y = 1/J, 0.02 to 2");
            }
            if (!(c.j0OverJ() >= -1 && c.j0OverJ() <= 2)) {
                throw problem(at + ".j0OverJ", "must be -1 to 2 (the phase diagram's x axis), got " + c.j0OverJ());
            }
            if (!(c.oneOverJ() >= 0.02 && c.oneOverJ() <= 2)) {
                throw problem(at + ".oneOverJ", "must be 0.02 to 2 (the phase diagram's y axis), got "
                        + c.oneOverJ());
            }
            return new StepAction.Inspect(c.j0OverJ(), c.oneOverJ());
        }

        private StepAction.Folder folder(String value, String field, boolean sweep) throws LessonFileException {
            if (value.isBlank()) {
                throw problem(field, "empty; name a shipped folder (" + String.join(", ",
                        LessonRules.SHIPPED_FOLDERS) + ") or a folder next to the lesson file");
            }
            if (SHIPPED_NAME.matcher(value).matches() && rules.shippedFolders().test(value)) {
                return new StepAction.Folder(value, null);
            }
            if (baseDir == null) {
                throw problem(field, "'" + value + "' is not a shipped folder (known: " + String.join(", ",
                        LessonRules.SHIPPED_FOLDERS) + ")");
            }
            Path path = baseDir.resolve(value).normalize();
            if (!Files.isDirectory(path)) {
                throw problem(field, "'" + value + "' is neither a shipped folder (" + String.join(", ",
                        LessonRules.SHIPPED_FOLDERS) + ") nor a folder at " + path);
            }
            if (sweep && !Files.isRegularFile(path.resolve("sweep.json"))) {
                throw problem(field, "the folder " + path + " is not a sweep folder: it has no sweep.json");
            }
            return new StepAction.Folder(null, path);
        }
    }
}
