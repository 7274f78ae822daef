package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code -Deoc.autostart}: at once, after a number of seconds, or at once (with a warning) for anything else. */
class AutostartDelayTest {
    @ParameterizedTest(name = "-Deoc.autostart={0} waits {1} s")
    @CsvSource({
        "true, 0", "5, 5", "2.5, 2.5", "0, 0",
        // neither true nor a delay from 0 to 3600 s: at once
        "soon, 0", "-3, 0", "NaN, 0", "86400, 0",
    })
    void delayInSeconds(String value, double expected) {
        assertEquals(expected, ExplorerApplication.autostartDelaySeconds(value));
    }
}
