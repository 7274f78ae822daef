package org.edgeofchaos.explorer.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.edgeofchaos.explorer.training.InvalidSettingException;

/**
 * One axis of a sweep: a hyperparameter and its values in order. Written by users as {@code NAME=VALUES}: a list
 * {@code batch=8,16,32,64,128} or a range {@code lr=1e-3:1e-1:log:6} (from, to, {@code log} or {@code linear}
 * spacing, count; both ends included).
 *
 * @param parameter which hyperparameter
 * @param spacing   {@code list}, {@code linear} or {@code log}: how the values were given, and how a map spaces them
 * @param values    the values, as given (lists) or computed (ranges, with {@link StrictMath} so that every JVM
 *                  computes the same bits)
 */
public record Axis(SweepParameter parameter, String spacing, List<Double> values) {
    public static final String LIST = "list";
    public static final String LINEAR = "linear";
    public static final String LOG = "log";
    /** More values than this on one axis is a typing error rather than a plan. */
    public static final int MAX_VALUES = 1000;

    public Axis {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(spacing, "spacing");
        values = List.copyOf(values);
    }

    public int size() {
        return values.size();
    }

    public double value(int i) {
        return values.get(i);
    }

    /**
     * Whether a picture should space the values logarithmically: a log range, or a list of positive values that
     * span a factor of 4 or more (batch sizes 8..128, weight decays 1e-5..1e-3).
     */
    public boolean logScale() {
        if (LOG.equals(spacing)) {
            return true;
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return LIST.equals(spacing) && min > 0 && max / min >= 4;
    }

    /** "lr = 1e-03 .. 0.1 (6, log)" or "batch = 8, 16, 32". */
    public String describe() {
        if (LIST.equals(spacing)) {
            StringBuilder b = new StringBuilder(parameter.key()).append(" = ");
            for (int i = 0; i < values.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(parameter.format(values.get(i)));
            }
            return b.toString();
        }
        return parameter.key() + " = " + parameter.format(values.get(0)) + " .. "
                + parameter.format(values.get(values.size() - 1)) + " (" + values.size() + ", " + spacing + ")";
    }

    /**
     * Parses {@code NAME=VALUES}; every problem is an {@link InvalidSettingException} naming {@code option} and
     * quoting the text.
     */
    public static Axis parse(String option, String text) {
        String t = text == null ? "" : text.trim();
        int eq = t.indexOf('=');
        if (eq <= 0 || eq == t.length() - 1) {
            throw bad(option, text, "expected NAME=VALUES such as lr=1e-3:1e-1:log:6 or batch=8,16,32");
        }
        String name = t.substring(0, eq).trim();
        SweepParameter parameter = SweepParameter.byKey(name);
        if (parameter == null) {
            throw bad(option, text, "unknown hyperparameter '" + name + "' (choose " + SweepParameter.keys() + ")");
        }
        String spec = t.substring(eq + 1).trim();
        Axis axis = spec.contains(":") ? range(option, text, parameter, spec) : list(option, text, parameter, spec);
        Set<Double> seen = new HashSet<>();
        for (double v : axis.values) {
            String problem = parameter.problem(v);
            if (problem != null) {
                throw bad(option, text, problem);
            }
            if (!seen.add(v)) {
                throw bad(option, text, "the value " + parameter.format(v) + " appears twice");
            }
        }
        return axis;
    }

    private static Axis list(String option, String text, SweepParameter parameter, String spec) {
        List<Double> values = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            values.add(number(option, text, part));
        }
        if (values.size() > MAX_VALUES) {
            throw bad(option, text, "at most " + MAX_VALUES + " values per axis, got " + values.size());
        }
        return new Axis(parameter, LIST, values);
    }

    private static Axis range(String option, String text, SweepParameter parameter, String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 4) {
            throw bad(option, text, "a range is FROM:TO:log|linear:COUNT such as 1e-3:1e-1:log:6");
        }
        double from = number(option, text, parts[0]);
        double to = number(option, text, parts[1]);
        String spacing = parts[2].trim().toLowerCase(Locale.ROOT);
        if (!spacing.equals(LOG) && !spacing.equals(LINEAR)) {
            throw bad(option, text, "spacing must be log or linear, got '" + parts[2].trim() + "'");
        }
        int count;
        try {
            count = Integer.parseInt(parts[3].trim());
        } catch (NumberFormatException e) {
            throw bad(option, text, "the count must be a whole number, got '" + parts[3].trim() + "'");
        }
        if (count < 2 || count > MAX_VALUES) {
            throw bad(option, text, "the count must be in 2.." + MAX_VALUES + ", got " + count);
        }
        if (from == to) {
            throw bad(option, text, "a range needs FROM != TO (for one value write " + parameter.key() + "="
                    + parameter.format(from) + ")");
        }
        if (spacing.equals(LOG) && !(from > 0 && to > 0)) {
            throw bad(option, text, "log spacing needs FROM and TO > 0");
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double f = (double) i / (count - 1);
            double v = spacing.equals(LOG)
                    ? StrictMath.exp(StrictMath.log(from) + f * (StrictMath.log(to) - StrictMath.log(from)))
                    : from + f * (to - from);
            if (i == 0) {
                v = from;
            } else if (i == count - 1) {
                v = to;
            }
            if (parameter.integer()) {
                v = Math.rint(v);
            }
            values.add(v);
        }
        return new Axis(parameter, spacing, values);
    }

    private static double number(String option, String text, String part) {
        String p = part.trim();
        try {
            double v = Double.parseDouble(p);
            if (!p.isEmpty() && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(option, text, "'" + p + "' is not a number");
    }

    private static InvalidSettingException bad(String option, String text, String problem) {
        return new InvalidSettingException(option, problem + " in '" + text + "'");
    }
}
