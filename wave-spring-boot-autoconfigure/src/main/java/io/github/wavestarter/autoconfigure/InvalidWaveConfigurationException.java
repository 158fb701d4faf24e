package io.github.wavestarter.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code wave.*} configuration cannot work: credentials are missing, or a URL is
 * unsafe. Names the properties and environment variables concerned, never a value of a
 * secret. Turned into a readable startup report by
 * {@link InvalidWaveConfigurationFailureAnalyzer}.
 */
class InvalidWaveConfigurationException extends IllegalStateException {

	private final List<Problem> problems;

	/**
	 * Creates an exception.
	 * @param problems what is wrong, at least one
	 */
	InvalidWaveConfigurationException(List<Problem> problems) {
		super("Invalid Wave configuration: " + problems.stream()
			.map((problem) -> problem.property() + " " + problem.description())
			.collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * What is wrong.
	 * @return the problems
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One thing wrong with the configuration.
	 *
	 * @param property the property concerned, such as {@code wave.client-id}
	 * @param description what is wrong
	 * @param action how to fix it
	 */
	record Problem(String property, String description, String action) {

	}

}
