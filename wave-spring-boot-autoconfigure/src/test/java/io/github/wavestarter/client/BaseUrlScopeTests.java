package io.github.wavestarter.client;

import java.net.URI;

import io.github.wavestarter.client.BaseUrlScope.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link BaseUrlScope} places request paths relative to
 * {@code https://api.example.com/m/blue}.
 */
class BaseUrlScopeTests {

	private static final String ORIGIN = "https://api.example.com";

	private final BaseUrlScope scope = new BaseUrlScope(URI.create(ORIGIN + "/m/blue"));

	@ParameterizedTest
	@ValueSource(strings = { "/m/blue", "/m/blue/", "/m/blue/iam/v1/whoami", "/m/blue/v1/aws/costs:read",
			// a dot segment that stays inside, in every reading
			"/m/blue/v1/../iam/v1/whoami", "/m/blue/./iam", "/m/blue/v1/%2E%2E/iam",
			// an encoded slash inside a segment: under the base path however it is read
			"/m/blue/v1/aws/accounts/a%2Fb", "/m/blue/v1/a%5Cb",
			// encoded unreserved characters are those characters
			"/m/%62lue/iam", "/%6D/blue/x", "/m/blue/%7Ex", "/m/blue/.well-known" })
	void inside(String path) {
		assertThat(place(path)).as(path).isEqualTo(Placement.INSIDE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/", "/m", "/m/", "/m/bluex", "/m/bluex/iam", "/m/blue-x/iam", "/other", "/M/BLUE/iam",
			// dot segments that leave the base path, in every reading and any case
			"/m/blue/..", "/m/blue/../../other", "/m/blue/%2e%2e/x", "/m/blue/%2E%2E/%2e%2E/other", "/m/blue/.%2e/x",
			"/m/blue/x/../../bluex/y", "/m/blue/../../../../../etc/passwd", "/m/blue/./../x" })
	void outside(String path) {
		assertThat(place(path)).as(path).isEqualTo(Placement.OUTSIDE);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// encoded separators after dot segments, in any case
			"/m/blue/..%2f..%2fother", "/m/blue/..%2F..%2Fother", "/m/blue/%2e%2e%2f%2e%2e%2fother",
			"/m/blue/x/..%5c..%5cother", "/m/blue/..%5C..%5Cother",
			// a URI variable "../../other" encoded by WebClient
			"/m/blue/v1/aws/accounts/..%2F..%2F..%2F..%2Fother",
			// path parameters: Tomcat and Spring read "..;x" as ".."
			"/m/blue/..;/..;/other", "/m/blue/..;jsessionid=1/..;/x", "/m/blue/..%3b/..%3b/x",
			// repeated slashes merged by a proxy
			"/m/blue//../x", "/m/blue/x//../../y",
			// double and triple encoding
			"/m/blue/%252e%252e/%252e%252e/other", "/m/blue/..%252f..%252fother",
			"/m/blue/%25252e%25252e/%25252e%25252e/x",
			// still encoded after three rounds
			"/m/blue/%2525252e%2525252e/x" })
	void ambiguous(String path) {
		assertThat(place(path)).as(path).isEqualTo(Placement.AMBIGUOUS);
	}

	@Test
	void backslashesAreSeparatorsToLenientServers() {
		// java.net.URI refuses a raw backslash; the multi-argument constructor quotes it
		assertThat(this.scope.place(URI.create(ORIGIN + "/m/blue/..%5C..%5Cother"))).isEqualTo(Placement.AMBIGUOUS);
		assertThat(this.scope.place(URI.create(ORIGIN + "/m/blue/a%5Cb"))).isEqualTo(Placement.INSIDE);
	}

	@Test
	void otherOriginsAreOutsideWhateverThePath() {
		assertThat(this.scope.place(URI.create("http://api.example.com/m/blue/x"))).isEqualTo(Placement.OUTSIDE);
		assertThat(this.scope.place(URI.create("https://api.example.com:8443/m/blue/x"))).isEqualTo(Placement.OUTSIDE);
		assertThat(this.scope.place(URI.create("https://api.example.org/m/blue/..%2f..%2fx")))
			.isEqualTo(Placement.OUTSIDE);
		assertThat(this.scope.place(URI.create("https://api.example.com.evil.test/m/blue/x")))
			.isEqualTo(Placement.OUTSIDE);
		assertThat(this.scope.place(URI.create("mailto:someone@api.example.com"))).isEqualTo(Placement.OUTSIDE);
	}

	@Test
	void schemeHostAndDefaultPortCompareAsTheyShould() {
		assertThat(this.scope.place(URI.create("HTTPS://API.Example.COM:443/m/blue/x"))).isEqualTo(Placement.INSIDE);
		assertThat(this.scope.place(URI.create("https://user@api.example.com/m/blue/x?q=..%2f..#f")))
			.isEqualTo(Placement.INSIDE);
	}

	@Test
	void theBasePathIsNormalizedToo() {
		BaseUrlScope trailingSlash = new BaseUrlScope(URI.create(ORIGIN + "/m/blue/"));
		assertThat(trailingSlash.getBasePath()).isEqualTo("/m/blue");
		assertThat(trailingSlash.place(URI.create(ORIGIN + "/m/blue/x"))).isEqualTo(Placement.INSIDE);
		assertThat(trailingSlash.place(URI.create(ORIGIN + "/m/bluex"))).isEqualTo(Placement.OUTSIDE);
		BaseUrlScope dotted = new BaseUrlScope(URI.create(ORIGIN + "/m/x/../blue"));
		assertThat(dotted.getBasePath()).isEqualTo("/m/blue");
		assertThat(dotted.place(URI.create(ORIGIN + "/m/blue/x"))).isEqualTo(Placement.INSIDE);
	}

	@Test
	void anEmptyBasePathCoversTheWholeOrigin() {
		BaseUrlScope root = new BaseUrlScope(URI.create(ORIGIN));
		assertThat(root.place(URI.create(ORIGIN + "/anything/..%2f..%2fx"))).isEqualTo(Placement.INSIDE);
		assertThat(root.place(URI.create(ORIGIN))).isEqualTo(Placement.INSIDE);
	}

	@Test
	void onlyWhatIsInsideIsInside() {
		assertThat(place("/m/blue/x")).isEqualTo(Placement.INSIDE);
		assertThat(place("/m/blue/../x")).isNotEqualTo(Placement.INSIDE);
		assertThat(place("/m/blue/..%2fx")).isNotEqualTo(Placement.INSIDE);
	}

	private Placement place(String path) {
		return this.scope.place(URI.create(ORIGIN + path));
	}

}
