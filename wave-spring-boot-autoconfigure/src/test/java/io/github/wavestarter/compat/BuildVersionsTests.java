package io.github.wavestarter.compat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tests run on the Spring Boot version the build selected (the compatibility matrix
 * in {@code .ci/run} sets {@code -Dspring-boot.version}), not on another one that
 * happened to be on the class path.
 */
class BuildVersionsTests {

	@Test
	void testsRunOnTheSpringBootVersionOfTheBuild() {
		String selected = System.getProperty("wave.build.spring-boot.version");
		assumeTrue(selected != null, "run by Maven Surefire, which passes the build's spring-boot.version");
		assertThat(SpringBootVersion.getVersion()).isEqualTo(selected);
	}

}
