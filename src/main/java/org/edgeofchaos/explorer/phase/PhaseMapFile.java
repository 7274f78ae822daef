package org.edgeofchaos.explorer.phase;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.experiment.JsonFiles;
import org.edgeofchaos.explorer.experiment.RunFiles;

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

    private static final ObjectWriter WRITER = RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

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
                WRITER.writeValue(gzip, content); // closes (and so finishes) the gzip stream
            });
        } else {
            AtomicFiles.write(file, out -> WRITER.writeValue(out, content));
        }
    }

    /** Whether {@link #write} compresses this file: its name ends in {@code .gz}. */
    public static boolean isCompressed(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    public static PhaseMap read(Path file) throws PhaseMapFileException {
        try {
            return check(file, JsonFiles.read(file, Content.class, "phase-map"));
        } catch (JsonFiles.Problem e) {
            throw new PhaseMapFileException(file, e.getMessage(), e.getCause());
        }
    }

    /** Reads a map shipped inside the application (a class-path resource); {@code name} is used in messages. */
    public static PhaseMap read(InputStream in, Path name) throws PhaseMapFileException {
        try {
            return check(name, JsonFiles.read(in, Content.class, "phase-map"));
        } catch (JsonFiles.Problem e) {
            throw new PhaseMapFileException(name, e.getMessage(), e.getCause());
        }
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
