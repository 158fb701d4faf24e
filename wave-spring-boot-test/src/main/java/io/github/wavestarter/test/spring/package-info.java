/**
 * Spring TestContext integration:
 * {@link io.github.wavestarter.test.spring.EnableMockWave}.
 */
package io.github.wavestarter.test.spring;
