package org.edgeofchaos.explorer.ui.common;

import java.util.Locale;

/** Number and duration formatting for labels, tooltips and captions (always with a dot as decimal mark). */
public final class Formats {
    private Formats() {
    }

    /** Compact: 0.02, 1e-4, 3.2e-5, 0.5, 12. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs >= 1e-3 && abs < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", value);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        String s = String.format(Locale.ROOT, "%.3g", value);
        if (!s.contains("e")) {
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        String[] parts = s.split("e");
        String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
        int exponent = Integer.parseInt(parts[1]);
        return mantissa + "e" + exponent;
    }

    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", fraction * 100) : "–";
    }

    public static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "–";
    }

    /** 45 s, 3 min 20 s, 1 h 05 min. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + String.format(Locale.ROOT, "%02d", s % 60) + " s";
        }
        return (s / 3600) + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
    }

    /** 5,300 samples/s. */
    public static String rate(double samplesPerSecond) {
        return Double.isFinite(samplesPerSecond)
                ? String.format(Locale.ROOT, "%,d samples/s", Math.round(samplesPerSecond)) : "–";
    }

    /** Parses a number typed by the user: dot or comma as decimal mark, exponent notation, surrounding blanks. */
    public static double parse(String text) throws NumberFormatException {
        if (text == null) {
            throw new NumberFormatException("empty");
        }
        String t = text.trim().replace(',', '.').replace('_', ' ').replace(" ", "");
        if (t.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("not finite");
        }
        return v;
    }
}
