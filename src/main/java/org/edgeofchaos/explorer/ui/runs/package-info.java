/** The saved runs: listing, selecting to show or overlay, continuing, deleting. */
package org.edgeofchaos.explorer.ui.runs;
