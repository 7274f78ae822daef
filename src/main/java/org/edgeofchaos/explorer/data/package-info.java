/**
 * Reading data sets: the IDX format (gzip or plain, every header field checked, one-line errors naming the file),
 * Fashion-MNIST and any other images+labels folder of the same layout, training subsets (the first S images or a
 * seeded random draw) and the 14x14 average-pooled resolution used in the classroom.
 *
 * <p>No UI dependencies.
 */
package org.edgeofchaos.explorer.data;
