/**
 * The window side of session files (File > Open session…, Save session, Save session as…, and a session given on
 * the command line): {@link org.edgeofchaos.explorer.ui.session.SessionController} captures what is on screen into
 * the core's {@code ExplorerSession} and puts a read one back. Reading and writing are in the core package
 * {@code org.edgeofchaos.explorer.session}.
 */
package org.edgeofchaos.explorer.ui.session;
