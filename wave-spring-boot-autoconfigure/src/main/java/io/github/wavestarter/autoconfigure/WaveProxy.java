package io.github.wavestarter.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * An outbound HTTP proxy for the token endpoint and the Blue API, set with
 * {@code wave.http.proxy.*} or taken from the {@code HTTPS_PROXY} and {@code NO_PROXY}
 * environment variables. Its {@code toString()} never shows the password.
 *
 * @param host the proxy host
 * @param port the proxy port
 * @param username the user name for proxy authentication, or {@code null}
 * @param password the password for proxy authentication, or {@code null}
 * @param nonProxyHosts hosts reached directly, as a Java regular expression matched
 * against the whole host name, or {@code null}
 */
record WaveProxy(String host, int port, @Nullable String username, @Nullable String password,
		@Nullable String nonProxyHosts) {

	/**
	 * Reads the proxy from the environment the way curl does: {@code HTTPS_PROXY} (or
	 * {@code https_proxy}) as {@code [http://][user[:password]@]host[:port]}, and
	 * {@code NO_PROXY} (or {@code no_proxy}) as a comma-separated list of host names,
	 * domain suffixes ({@code .example.com} or {@code example.com}, which also match
	 * sub-domains), IP addresses, or {@code *}.
	 * @param environment looks up an environment variable, returning {@code null} when it
	 * is not set
	 * @return the proxy, or {@code null} when {@code HTTPS_PROXY} is not set
	 * @throws IllegalArgumentException when {@code HTTPS_PROXY} is not a valid proxy URL
	 * (the message never contains the password)
	 */
	static @Nullable WaveProxy fromEnvironment(Function<String, @Nullable String> environment) {
		String proxy = firstText(environment, "HTTPS_PROXY", "https_proxy");
		if (proxy == null) {
			return null;
		}
		String value = proxy.trim();
		if (!value.contains("://")) {
			value = "http://" + value;
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("HTTPS_PROXY is not a valid proxy URL");
		}
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("HTTPS_PROXY has no proxy host");
		}
		if (!"http".equalsIgnoreCase(uri.getScheme())) {
			throw new IllegalArgumentException("HTTPS_PROXY uses the scheme '" + uri.getScheme()
					+ "'; only http:// proxies (CONNECT tunnels) are supported");
		}
		String username = null;
		String password = null;
		String userInfo = uri.getRawUserInfo();
		if (StringUtils.hasText(userInfo)) {
			int colon = userInfo.indexOf(':');
			username = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			password = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : 80;
		return new WaveProxy(uri.getHost(), port, username, password,
				noProxyToRegex(firstText(environment, "NO_PROXY", "no_proxy")));
	}

	/**
	 * Turns a {@code NO_PROXY} list into a regular expression for
	 * {@link #nonProxyHosts()}.
	 * @param noProxy the list, possibly {@code null}
	 * @return the expression, or {@code null} for an empty list
	 */
	static @Nullable String noProxyToRegex(@Nullable String noProxy) {
		if (!StringUtils.hasText(noProxy)) {
			return null;
		}
		List<String> alternatives = new ArrayList<>();
		for (String raw : noProxy.split(",")) {
			String entry = raw.trim().toLowerCase(Locale.ROOT);
			if (entry.isEmpty()) {
				continue;
			}
			if (entry.equals("*")) {
				return ".*";
			}
			if (entry.startsWith("[") && entry.contains("]")) {
				alternatives.add(Pattern.quote(entry.substring(1, entry.indexOf(']'))));
				continue;
			}
			int colon = entry.lastIndexOf(':');
			if (colon > 0 && entry.indexOf(':') == colon) {
				entry = entry.substring(0, colon);
			}
			if (entry.startsWith("*.")) {
				entry = entry.substring(1);
			}
			String domain = entry.startsWith(".") ? entry.substring(1) : entry;
			if (domain.isEmpty()) {
				continue;
			}
			alternatives.add("(.*\\.)?" + Pattern.quote(domain));
		}
		return alternatives.isEmpty() ? null : "(?i)(" + String.join("|", alternatives) + ")";
	}

	private static @Nullable String firstText(Function<String, @Nullable String> environment, String... names) {

		for (String name : names) {
			String value = environment.apply(name);
			if (StringUtils.hasText(value)) {
				return value;
			}
		}
		return null;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "WaveProxy[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
				+ Masking.presence(this.password) + ", nonProxyHosts=" + this.nonProxyHosts + "]";
	}

}
