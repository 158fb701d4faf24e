package io.github.wavestarter.test.fault;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which requests a fault applies to: the token endpoint, every Blue API call, or Blue API
 * calls whose path (relative to {@code baseUrl()}, e.g. {@code /cost/v1/aws/costs:read})
 * matches a template. Templates may use {@code {name}} placeholders for one path segment,
 * e.g. {@code /cost/v1/{vendor}/accounts/{id}}.
 */
public final class FaultTarget {

	private enum Kind {

		TOKEN, ALL_API, API_PATH

	}

	private final Kind kind;

	private final @Nullable String template;

	private final @Nullable Pattern pattern;

	private FaultTarget(Kind kind, @Nullable String template) {
		this.kind = kind;
		this.template = template;
		this.pattern = template == null ? null : compile(template);
	}

	/**
	 * @return a target matching every request to the token endpoint
	 */
	public static FaultTarget token() {
		return new FaultTarget(Kind.TOKEN, null);
	}

	/**
	 * @return a target matching every Blue API request
	 */
	public static FaultTarget allApi() {
		return new FaultTarget(Kind.ALL_API, null);
	}

	/**
	 * @param pathTemplate API path relative to the base URL, e.g. {@code /iam/v1/whoami}
	 * or {@code /cost/v1/{vendor}/accounts}
	 * @return a target matching Blue API requests to that path (any method)
	 */
	public static FaultTarget apiPath(String pathTemplate) {
		Objects.requireNonNull(pathTemplate, "pathTemplate");
		return new FaultTarget(Kind.API_PATH, pathTemplate.startsWith("/") ? pathTemplate : "/" + pathTemplate);
	}

	/**
	 * @return the path template of an {@link #apiPath(String)} target, else {@code null}
	 */
	public @Nullable String pathTemplate() {

		return template;
	}

	/**
	 * @return whether this target matches a token endpoint request
	 */
	public boolean matchesToken() {
		return kind == Kind.TOKEN;
	}

	/**
	 * @param apiPath API path relative to the base URL, without query
	 * @return whether this target matches a Blue API request to {@code apiPath}
	 */
	public boolean matchesApi(String apiPath) {
		return switch (kind) {
			case TOKEN -> false;
			case ALL_API -> true;
			case API_PATH -> pattern.matcher(apiPath).matches();
		};
	}

	static Pattern compile(String template) {
		StringBuilder regex = new StringBuilder();
		int i = 0;
		while (i < template.length()) {
			int open = template.indexOf('{', i);
			if (open < 0) {
				regex.append(Pattern.quote(template.substring(i)));
				break;
			}
			int close = template.indexOf('}', open);
			if (close < 0) {
				throw new IllegalArgumentException("Unbalanced '{' in path template " + template);
			}
			if (open > i) {
				regex.append(Pattern.quote(template.substring(i, open)));
			}
			regex.append("[^/]+");
			i = close + 1;
		}
		return Pattern.compile(regex.toString());
	}

	@Override
	public String toString() {
		return switch (kind) {
			case TOKEN -> "token endpoint";
			case ALL_API -> "all API calls";
			case API_PATH -> "API " + template;
		};
	}

}
