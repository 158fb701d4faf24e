/**
 * Observation, metric and span names of the starter.
 */
@NullMarked
package io.github.wavestarter.observation;

import org.jspecify.annotations.NullMarked;
