/**
 * What every feature uses: the one task-executor abstraction (with a synchronous one for tests), dialogs that wrap,
 * the theme, canvas regions, formats and the crash reporter.
 */
package org.edgeofchaos.explorer.ui.common;
