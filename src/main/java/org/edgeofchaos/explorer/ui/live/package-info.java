/**
 * The live run: {@link org.edgeofchaos.explorer.ui.live.LiveRunModel} (the only object workers write to, applied
 * once per pulse), the run commands and status, and the training-curves tab.
 */
package org.edgeofchaos.explorer.ui.live;
