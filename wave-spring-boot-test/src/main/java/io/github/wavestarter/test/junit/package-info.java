/** JUnit 5 integration: {@link io.github.wavestarter.test.junit.MockWaveServerTest}. */
package io.github.wavestarter.test.junit;
