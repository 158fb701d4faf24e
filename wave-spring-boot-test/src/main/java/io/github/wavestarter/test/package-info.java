/**
 * In-process emulator of the Alphaus token endpoint and Blue API; start with
 * {@link io.github.wavestarter.test.MockWaveServer#start()}.
 */
@NullMarked
package io.github.wavestarter.test;

import org.jspecify.annotations.NullMarked;
