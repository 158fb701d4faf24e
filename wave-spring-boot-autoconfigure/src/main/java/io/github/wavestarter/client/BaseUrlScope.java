package io.github.wavestarter.client;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a request URL lies under the Blue API base URL: same scheme, host and port, and
 * a path equal to the base path or below it. Only such requests carry the Wave token.
 */
public final class BaseUrlScope {

	private final String scheme;

	private final String host;

	private final int port;

	private final String basePath;

	/**
	 * Creates a scope.
	 * @param baseUrl the base URL ({@code wave.base-url})
	 */
	public BaseUrlScope(URI baseUrl) {
		this.scheme = lower(baseUrl.getScheme());
		this.host = lower(baseUrl.getHost());
		this.port = effectivePort(this.scheme, baseUrl.getPort());
		String path = (baseUrl.getRawPath() != null) ? baseUrl.getRawPath() : "";
		this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * Whether the URL is under the base URL.
	 * @param url the request URL
	 * @return whether it may carry the Wave token
	 */
	public boolean contains(URI url) {
		String urlScheme = lower(url.getScheme());
		if (!this.scheme.equals(urlScheme) || !this.host.equals(lower(url.getHost()))
				|| this.port != effectivePort(urlScheme, url.getPort())) {
			return false;
		}
		if (this.basePath.isEmpty()) {
			return true;
		}
		String path = (url.getRawPath() != null) ? url.getRawPath() : "";
		return path.equals(this.basePath) || path.startsWith(this.basePath + "/");
	}

	private static int effectivePort(String scheme, int port) {
		if (port != -1) {
			return port;
		}
		return "https".equals(scheme) ? 443 : ("http".equals(scheme) ? 80 : -1);
	}

	private static String lower(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
	}

}
