package io.github.wavestarter.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidWaveConfigurationException} at startup: each property that is
 * wrong, and how to fix it or turn the starter off.
 */
class InvalidWaveConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidWaveConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidWaveConfigurationException cause) {
		String description = cause.getProblems()
			.stream()
			.map((problem) -> "  - " + problem.property() + ": " + problem.description())
			.collect(Collectors.joining(System.lineSeparator(),
					"The Wave starter cannot call the Blue API with this configuration:" + System.lineSeparator(), ""));
		String action = cause.getProblems()
			.stream()
			.map((problem) -> "  - " + problem.action())
			.distinct()
			.collect(Collectors.joining(System.lineSeparator(), "Fix the configuration:" + System.lineSeparator(),
					System.lineSeparator() + "Or set wave.enabled=false to turn the Wave auto-configuration off."));
		return new FailureAnalysis(description, action, cause);
	}

}
