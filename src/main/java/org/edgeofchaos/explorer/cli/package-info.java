/**
 * The command line (picocli): one class per command, each mapping its flags to the core's names and printing the
 * core's results as a table or JSON. Bad input ends with one line on stderr naming the option and exit code 2;
 * anything else is a programming error (exit 1). The only package that knows the flags ({@code SettingFlags}).
 */
package org.edgeofchaos.explorer.cli;
