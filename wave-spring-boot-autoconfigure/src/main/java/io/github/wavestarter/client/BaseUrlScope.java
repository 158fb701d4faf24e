package io.github.wavestarter.client;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Whether a request URL lies under the Blue API base URL: same scheme, host and port, and
 * a path equal to the base path or below it. Only such requests carry the Wave token.
 * <p>
 * Servers do not all read a path the same way, so the path is read in each way a server
 * or a proxy in front of it may read it, and is under the base path only when every
 * reading says so:
 * <ul>
 * <li>as RFC 3986 says: percent-encoded unreserved characters decoded ({@code %2e} is a
 * dot, in any case), dot segments ({@code .}, {@code ..}) removed (section 5.2.4),
 * encoded separators ({@code %2F}, {@code %5C}) kept as part of their segment;</li>
 * <li>as lenient servers do, after decoding everything once, twice and three times:
 * backslashes as slashes, {@code %2F} and {@code %5C} as separators, repeated slashes
 * merged, path parameters ({@code ..;x}) cut off, then dot segments removed.</li>
 * </ul>
 * A path that every reading puts outside the base path is {@link Placement#OUTSIDE}; one
 * that the readings disagree on (say {@code /m/blue/..%2F..%2Fother}, or a path still
 * encoded after three rounds of decoding) is {@link Placement#AMBIGUOUS}.
 */
final class BaseUrlScope {

	private static final int DECODING_ROUNDS = 3;

	private final String scheme;

	private final String host;

	private final int port;

	private final String basePath;

	private final String basePathSlash;

	/**
	 * Creates a scope.
	 * @param baseUrl the base URL ({@code wave.base-url})
	 */
	BaseUrlScope(URI baseUrl) {
		this.scheme = lower(baseUrl.getScheme());
		this.host = lower(baseUrl.getHost());
		this.port = effectivePort(this.scheme, baseUrl.getPort());
		String path = strict((baseUrl.getRawPath() != null) ? baseUrl.getRawPath() : "");
		this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		this.basePathSlash = this.basePath + "/";
	}

	/**
	 * Where the URL lies relative to the base URL.
	 * @param url the request URL
	 * @return inside (it may carry the token), outside, or ambiguous
	 */
	Placement place(URI url) {
		String urlScheme = lower(url.getScheme());
		if (!this.scheme.equals(urlScheme) || !this.host.equals(lower(url.getHost()))
				|| this.port != effectivePort(urlScheme, url.getPort())) {
			return Placement.OUTSIDE;
		}
		if (this.basePath.isEmpty()) {
			return Placement.INSIDE;
		}
		String path = (url.getRawPath() != null) ? url.getRawPath() : "";
		if (isPlain(path)) {
			return under(path) ? Placement.INSIDE : Placement.OUTSIDE;
		}
		boolean inside = under(strict(path));
		String decoded = path;
		for (int round = 0; round <= DECODING_ROUNDS; round++) {
			if (under(lenient(decoded)) != inside) {
				return Placement.AMBIGUOUS;
			}
			String next = decode(decoded, false);
			if (next.equals(decoded)) {
				return inside ? Placement.INSIDE : Placement.OUTSIDE;
			}
			decoded = next;
		}
		// still encoded after three rounds of decoding: no one can say how it is read
		return Placement.AMBIGUOUS;
	}

	/**
	 * The base path, normalized.
	 * @return the path, without a trailing slash ({@code ""} for the root)
	 */
	String getBasePath() {
		return this.basePath;
	}

	private boolean under(String path) {
		return path.startsWith(this.basePathSlash) || path.equals(this.basePath);
	}

	/**
	 * Whether every reading of the path is the path itself: no percent sign, backslash,
	 * semicolon, empty segment or segment starting with a dot.
	 */
	private static boolean isPlain(String path) {
		char previous = 0;
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '%' || c == '\\' || c == ';' || (previous == '/' && (c == '.' || c == '/'))) {
				return false;
			}
			previous = c;
		}
		return true;
	}

	/** RFC 3986: unreserved characters decoded, dot segments removed. */
	private static String strict(String path) {
		return removeDotSegments(decode(path, true), false);
	}

	/** A lenient server: backslashes and encoded separators split, parameters cut. */
	private static String lenient(String path) {
		String separated = path.replace('\\', '/')
			.replace("%2F", "/")
			.replace("%2f", "/")
			.replace("%5C", "/")
			.replace("%5c", "/");
		return removeDotSegments(decode(separated, true), true);
	}

	/**
	 * Removes dot segments (RFC 3986, 5.2.4); a lenient reading also merges empty
	 * segments and cuts path parameters off before it looks for dots.
	 */
	private static String removeDotSegments(String path, boolean lenient) {
		String[] segments = path.split("/", -1);
		Deque<String> output = new ArrayDeque<>();
		boolean trailingSlash = false;
		for (int i = 1; i < segments.length; i++) {
			String segment = segments[i];
			String name = (lenient && segment.indexOf(';') >= 0) ? segment.substring(0, segment.indexOf(';')) : segment;
			boolean last = i == segments.length - 1;
			trailingSlash = false;
			if (name.equals("..")) {
				output.pollLast();
				trailingSlash = last;
			}
			else if (name.equals(".") || (lenient && name.isEmpty() && !last)) {
				trailingSlash = last;
			}
			else {
				output.addLast(segment);
			}
		}
		StringBuilder result = new StringBuilder(path.length());
		if (!segments[0].isEmpty()) {
			result.append(segments[0]);
		}
		for (String segment : output) {
			result.append('/').append(segment);
		}
		if (trailingSlash) {
			result.append('/');
		}
		return result.toString();
	}

	/**
	 * Decodes percent-encoded octets (each one char, enough to find separators and dots);
	 * with {@code unreservedOnly}, only those of unreserved characters, the others being
	 * normalized to upper-case hex. Malformed sequences are kept.
	 */
	private static String decode(String path, boolean unreservedOnly) {
		if (path.indexOf('%') < 0) {
			return path;
		}
		StringBuilder result = new StringBuilder(path.length());
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			int value = (c == '%' && i + 2 < path.length()) ? hex(path, i + 1) : -1;
			if (value < 0) {
				result.append(c);
			}
			else if (!unreservedOnly || isUnreserved((char) value)) {
				result.append((char) value);
				i += 2;
			}
			else {
				result.append('%')
					.append(Character.toUpperCase(path.charAt(i + 1)))
					.append(Character.toUpperCase(path.charAt(i + 2)));
				i += 2;
			}
		}
		return result.toString();
	}

	private static int hex(String path, int at) {
		int high = Character.digit(path.charAt(at), 16);
		int low = Character.digit(path.charAt(at + 1), 16);
		return (high < 0 || low < 0) ? -1 : (high << 4) | low;
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
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

	/**
	 * Where a request URL lies relative to the base URL.
	 */
	enum Placement {

		/** Under the base URL in every reading: the request carries the Wave token. */
		INSIDE,

		/** Outside it in every reading: the request goes out without the token. */
		OUTSIDE,

		/** Under it in some readings and outside in others: the request is refused. */
		AMBIGUOUS

	}

}
