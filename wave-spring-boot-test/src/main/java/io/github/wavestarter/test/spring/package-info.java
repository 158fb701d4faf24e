/**
 * Spring TestContext integration:
 * {@link io.github.wavestarter.test.spring.EnableMockWave}.
 */
@NullMarked
package io.github.wavestarter.test.spring;

import org.jspecify.annotations.NullMarked;
