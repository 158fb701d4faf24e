package io.github.wavestarter.test.stub;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stubbed Blue API endpoint.
 *
 * @param method HTTP method (upper case)
 * @param pathTemplate path relative to the base URL; {@code {name}} matches one segment
 * @param response what it answers
 */
public record ApiStub(String method, String pathTemplate, StubbedResponse response) {

	/**
	 * @return whether this stub answers {@code method} on {@code path}
	 */
	public boolean matches(String requestMethod, String path) {
		return method.equalsIgnoreCase(requestMethod) && toPattern(pathTemplate).matcher(path).matches();
	}

	static Pattern toPattern(String template) {
		String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
		return Pattern.compile(regex);
	}

	static String normalizeMethod(String method) {
		return method.toUpperCase(Locale.ROOT);
	}
}
