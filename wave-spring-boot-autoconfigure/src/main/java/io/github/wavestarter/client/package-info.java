/**
 * The {@code waveWebClient}: bearer token filter, base URL scope and customizer.
 */
@NullMarked
package io.github.wavestarter.client;

import org.jspecify.annotations.NullMarked;
