/**
 * Edge of Chaos Explorer: {@link org.edgeofchaos.explorer.Main} starts the command line ({@code cli}) or the window
 * ({@code ui}). The core ({@code data}, {@code training}, {@code dynamics}, {@code experiment}, {@code phase}) knows
 * nothing of either; an ArchUnit test keeps it so.
 */
package org.edgeofchaos.explorer;
