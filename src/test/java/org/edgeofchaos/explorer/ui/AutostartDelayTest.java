package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code -Deoc.autostart}: at once, after a number of seconds, or at once with a message for anything else. */
class AutostartDelayTest {
    @Test
    void trueStartsAtOnceAndANumberIsADelayInSeconds() {
        assertEquals(0, ExplorerApplication.autostartDelaySeconds("true"));
        assertEquals(5, ExplorerApplication.autostartDelaySeconds("5"));
        assertEquals(2.5, ExplorerApplication.autostartDelaySeconds("2.5"));
        assertEquals(0, ExplorerApplication.autostartDelaySeconds("0"));
    }

    @Test
    void valuesThatAreNeitherStartAtOnce() {
        assertEquals(0, ExplorerApplication.autostartDelaySeconds("soon"));
        assertEquals(0, ExplorerApplication.autostartDelaySeconds("-3"));
        assertEquals(0, ExplorerApplication.autostartDelaySeconds("NaN"));
        assertEquals(0, ExplorerApplication.autostartDelaySeconds("86400"));
    }
}
