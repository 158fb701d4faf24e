package io.github.wavestarter.client;

import java.net.URI;

/**
 * A request to the Blue API's host was not sent because its path can be read both inside
 * and outside {@code wave.base-url}: dot segments together with encoded separators
 * ({@code %2F}, {@code %5C}), backslashes, path parameters ({@code ..;}), repeated
 * slashes or multiple encoding. Sending it with the Wave token could hand the token to a
 * path outside the Blue API; sending it without would only fail later, so it fails here.
 * The message names the method, origin and path (never the query, user info or a token).
 */
public class AmbiguousRequestPathException extends IllegalArgumentException {

	private static final int MAX_PATH_LENGTH = 200;

	private final String path;

	/**
	 * Creates an exception.
	 * @param method the request method
	 * @param url the request URL
	 * @param basePath the base path of the Blue API
	 */
	public AmbiguousRequestPathException(String method, URI url, String basePath) {
		super("Refused to send " + method + " " + url.getScheme() + "://" + url.getHost()
				+ ((url.getPort() != -1) ? ":" + url.getPort() : "") + shorten(url.getRawPath())
				+ ": servers may read this path as under the Blue API base path '" + basePath
				+ "' or outside it (dot segments with encoded or back slashes, path parameters, repeated slashes "
				+ "or multiple encoding), so it gets no Wave token. Build the path without them.");
		this.path = url.getRawPath();
	}

	/**
	 * The raw path refused.
	 * @return the path as sent by the application
	 */
	public String getPath() {
		return this.path;
	}

	private static String shorten(String path) {
		if (path == null) {
			return "";
		}
		return (path.length() <= MAX_PATH_LENGTH) ? path : path.substring(0, MAX_PATH_LENGTH) + "...";
	}

}
