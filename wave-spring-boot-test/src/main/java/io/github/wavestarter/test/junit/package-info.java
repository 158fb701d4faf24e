/** JUnit 5 integration: {@link io.github.wavestarter.test.junit.MockWaveServerTest}. */
@NullMarked
package io.github.wavestarter.test.junit;

import org.jspecify.annotations.NullMarked;
