/**
 * In-process emulator of the Alphaus token endpoint and Blue API; start with
 * {@link io.github.wavestarter.test.MockWaveServer#start()}.
 */
package io.github.wavestarter.test;
