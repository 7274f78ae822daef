package org.edgeofchaos.explorer.phase;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.experiment.JsonFiles;
import org.edgeofchaos.explorer.experiment.RunFiles;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Phase maps as JSON files: a format tag, the schema version, every parameter the map was computed from (so the
 * file documents itself and a rerun can check that it continues the same computation), and the cell values as two
 * flat row-major arrays (row 0 = smallest 1/J), NaN for cells not computed yet. Writes are atomic.
 *
 * <p>A file whose name ends in {@code .gz} is written gzip-compressed; {@link #read} takes either. The values are
 * rounded to {@value PhaseMap#SIGNIFICANT_DIGITS} significant digits, so the compressed JSON is as small as
 * compressed float32 arrays would be (100 x 100 cells at N = 400: 159 KB as JSON, 54 KB gzipped, 59 KB as
 * gzipped float32), and stays readable with standard tools ({@code zcat map.json.gz | jq .parameters}).
 */
public final class PhaseMapFile {
    public static final String FORMAT = "edge-of-chaos-explorer/phase-map";
    public static final int SCHEMA_VERSION = 1;

    /** Jackson's streaming parser alone: reading a map this way does not start the object mapper (see {@link #fast}). */
    private static final JsonFactory STREAMING = new JsonFactory();

    /** In a holder: reading a map should not build the object mapper that writing needs. */
    private static final class Writer {
        static final ObjectWriter INSTANCE = RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    private PhaseMapFile() {
    }

    /**
     * The parameters as written: the spec plus the derived iteration settings, for readers of the file.
     */
    record Parameters(int n, int columns, int rows, int steps, long seed, double xMin, double xMax, double yMin,
                      double yMax, int transientSteps, int lyapunovSteps, int distanceSteps, double perturbation,
                      String network, String layout) {

        static Parameters of(PhaseMapSpec s) {
            return new Parameters(s.n(), s.columns(), s.rows(), s.steps(), s.seed(), s.xMin(), s.xMax(), s.yMin(),
                    s.yMax(), s.transientSteps(), s.lyapunovSteps(), s.steps(), PhaseMapSpec.PERTURBATION,
                    "W_ij ~ N(J0/N, J^2/N) at the cell centre, J = 1/y, J0 = x J; own seed per cell",
                    "row-major, index = row * columns + column, row 0 = smallest 1/J, column 0 = smallest J0/J");
        }

        PhaseMapSpec spec() {
            return new PhaseMapSpec(n, columns, rows, steps, seed, xMin, xMax, yMin, yMax);
        }
    }

    /** The file's content. */
    record Content(String format, int schemaVersion, String generator, Parameters parameters, int computed,
                   double[] lambdaMax, double[] distance) {
    }

    public static void write(Path file, PhaseMap map) throws AtomicFiles.WriteException {
        PhaseMap.Snapshot s = map.snapshot();
        Content content = new Content(FORMAT, SCHEMA_VERSION, "edge-of-chaos-explorer phase",
                Parameters.of(s.spec()), s.computedCount(), s.lambdaMax(), s.distance());
        if (isCompressed(file)) {
            AtomicFiles.write(file, out -> {
                GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
                Writer.INSTANCE.writeValue(gzip, content); // closes (and so finishes) the gzip stream
            });
        } else {
            AtomicFiles.write(file, out -> Writer.INSTANCE.writeValue(out, content));
        }
    }

    /** Whether {@link #write} compresses this file: its name ends in {@code .gz}. */
    public static boolean isCompressed(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    public static PhaseMap read(Path file) throws PhaseMapFileException {
        try {
            return check(file, parse(JsonFiles.text(file)));
        } catch (JsonFiles.Problem e) {
            throw new PhaseMapFileException(file, e.getMessage(), e.getCause());
        }
    }

    /** Reads a map shipped inside the application (a class-path resource); {@code name} is used in messages. */
    public static PhaseMap read(InputStream in, Path name) throws PhaseMapFileException {
        try {
            return check(name, parse(JsonFiles.text(in)));
        } catch (JsonFiles.Problem e) {
            throw new PhaseMapFileException(name, e.getMessage(), e.getCause());
        }
    }

    private static Content parse(byte[] json) throws JsonFiles.Problem {
        Content content = fast(json);
        return content != null ? content : JsonFiles.parse(json, Content.class, "phase-map");
    }

    /**
     * Reads a file laid out as {@link #write} writes it with the streaming parser, or gives null at the first thing
     * that is unusual (an unknown field, a value of another kind, broken JSON): the object mapper then
     * reads the file and says what is wrong with it. Why: the shipped map is read while the window starts, and there
     * the mapper's first use cost 0.4 s of CPU on a 2-core machine, this path about 0.1 s.
     */
    static Content fast(byte[] json) {
        try (JsonParser p = STREAMING.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String format = null;
            String generator = null;
            int schemaVersion = 0;
            int computed = 0;
            Parameters parameters = null;
            double[] lambdaMax = null;
            double[] distance = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> format = text(p, value);
                    case "generator" -> generator = text(p, value);
                    case "schemaVersion" -> schemaVersion = whole(p, value);
                    case "computed" -> computed = whole(p, value);
                    case "parameters" -> parameters = parameters(p, value);
                    case "lambdaMax" -> lambdaMax = numbers(p, value);
                    case "distance" -> distance = numbers(p, value);
                    default -> throw new Unusual();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            return new Content(format, schemaVersion, generator, parameters, computed, lambdaMax, distance);
        } catch (Unusual | java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Something {@link #fast} leaves to the object mapper. */
    private static final class Unusual extends Exception {
        private static final long serialVersionUID = 1L;

        Unusual() {
            super(null, null, false, false);
        }
    }

    private static Parameters parameters(JsonParser p, JsonToken start) throws java.io.IOException, Unusual {
        if (start != JsonToken.START_OBJECT) {
            throw new Unusual();
        }
        int n = 0;
        int columns = 0;
        int rows = 0;
        int steps = 0;
        long seed = 0;
        double xMin = 0;
        double xMax = 0;
        double yMin = 0;
        double yMax = 0;
        int transientSteps = 0;
        int lyapunovSteps = 0;
        int distanceSteps = 0;
        double perturbation = 0;
        String network = null;
        String layout = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "n" -> n = whole(p, value);
                case "columns" -> columns = whole(p, value);
                case "rows" -> rows = whole(p, value);
                case "steps" -> steps = whole(p, value);
                case "seed" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw new Unusual();
                    }
                    seed = p.getLongValue();
                }
                case "xMin" -> xMin = number(p, value);
                case "xMax" -> xMax = number(p, value);
                case "yMin" -> yMin = number(p, value);
                case "yMax" -> yMax = number(p, value);
                case "transientSteps" -> transientSteps = whole(p, value);
                case "lyapunovSteps" -> lyapunovSteps = whole(p, value);
                case "distanceSteps" -> distanceSteps = whole(p, value);
                case "perturbation" -> perturbation = number(p, value);
                case "network" -> network = text(p, value);
                case "layout" -> layout = text(p, value);
                default -> throw new Unusual();
            }
        }
        return new Parameters(n, columns, rows, steps, seed, xMin, xMax, yMin, yMax, transientSteps, lyapunovSteps,
                distanceSteps, perturbation, network, layout);
    }

    private static double[] numbers(JsonParser p, JsonToken start) throws java.io.IOException, Unusual {
        if (start != JsonToken.START_ARRAY) {
            throw new Unusual();
        }
        double[] values = new double[1024];
        int count = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (count == values.length) {
                values = java.util.Arrays.copyOf(values, count * 2);
            }
            // cells not computed yet are written as "NaN"
            values[count++] = t == JsonToken.VALUE_STRING && "NaN".equals(p.getText()) ? Double.NaN : number(p, t);
        }
        return java.util.Arrays.copyOf(values, count);
    }

    private static double number(JsonParser p, JsonToken t) throws java.io.IOException, Unusual {
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw new Unusual();
        }
        return p.getDoubleValue();
    }

    private static int whole(JsonParser p, JsonToken t) throws java.io.IOException, Unusual {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new Unusual();
        }
        return p.getIntValue();
    }

    private static String text(JsonParser p, JsonToken t) throws java.io.IOException, Unusual {
        if (t != JsonToken.VALUE_STRING) {
            throw new Unusual();
        }
        return p.getText();
    }

    private static PhaseMap check(Path file, Content content) throws PhaseMapFileException {
        if (content == null || !FORMAT.equals(content.format())) {
            throw new PhaseMapFileException(file, "not a phase-map file (format is not \"" + FORMAT + "\")", null);
        }
        if (content.schemaVersion() > SCHEMA_VERSION) {
            throw new PhaseMapFileException(file, "written by a newer version (schema " + content.schemaVersion()
                    + ", this version reads up to " + SCHEMA_VERSION + ")", null);
        }
        if (content.parameters() == null || content.lambdaMax() == null || content.distance() == null) {
            throw new PhaseMapFileException(file, "incomplete phase-map file (parameters or cell arrays missing)",
                    null);
        }
        PhaseMapSpec spec;
        try {
            spec = content.parameters().spec();
        } catch (IllegalArgumentException e) {
            throw new PhaseMapFileException(file, "invalid parameters: " + e.getMessage(), e);
        }
        if (content.lambdaMax().length != spec.cellCount() || content.distance().length != spec.cellCount()) {
            throw new PhaseMapFileException(file, "expected " + spec.cellCount() + " cells for a " + spec.columns()
                    + "x" + spec.rows() + " grid, found " + content.lambdaMax().length + " lambdaMax and "
                    + content.distance().length + " distance values", null);
        }
        return PhaseMap.of(spec, content.lambdaMax(), content.distance());
    }
}
