/** Figures and data for files: PNG at the target size, SVG, CSV, and renders for the command line. */
package org.edgeofchaos.explorer.ui.export;
