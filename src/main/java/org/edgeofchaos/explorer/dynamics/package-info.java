/**
 * Dynamics of the hidden layer seen as the map x -> tanh(W x): order parameters (J, J0) of a weight matrix,
 * random networks, simulation-based chaos measures (maximal Lyapunov exponent, asymptotic distance,
 * Jacobian-norm proxy, trajectory diagnostics), the large-N mean-field theory with its edge of chaos, and
 * the logistic map as a reference system. Formulas and expected numbers: science.md sections 2-3.
 *
 * <p>No UI dependencies. W follows the training code's convention: N x N FLOAT, row i holds the incoming
 * weights of hidden unit i.
 */
package org.edgeofchaos.explorer.dynamics;
