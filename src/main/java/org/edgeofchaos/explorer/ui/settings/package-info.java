/** What the window remembers between launches. */
package org.edgeofchaos.explorer.ui.settings;
