package io.github.wavestarter.client;

import java.net.URI;
import java.util.Locale;

import io.github.wavestarter.client.BaseUrlScope.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of {@link BaseUrlScope}'s percent-decoding: which octets count as unreserved
 * characters, how hex is normalized, what is left of malformed sequences that decoding
 * uncovers, how many rounds of decoding are read, and how path parameters and empty
 * segments are read.
 */
class BaseUrlScopeDecodingTests {

	private static final String ORIGIN = "https://api.example.com";

	/** Every kind of unreserved character, including both ends of each range. */
	private static final String UNRESERVED = "azAZ09-._~";

	private final BaseUrlScope scope = new BaseUrlScope(URI.create(ORIGIN + "/m/blue"));

	@Test
	void everyUnreservedCharacterMatchesTheBasePathEncodedOrNot() {
		BaseUrlScope unreserved = new BaseUrlScope(URI.create(ORIGIN + "/m/" + UNRESERVED));
		for (int i = 0; i < UNRESERVED.length(); i++) {
			String hex = String.format("%%%02X", (int) UNRESERVED.charAt(i));
			for (String encoded : new String[] { hex, hex.toLowerCase(Locale.ROOT) }) {
				String path = "/m/" + UNRESERVED.substring(0, i) + encoded + UNRESERVED.substring(i + 1) + "/x";
				assertThat(unreserved.place(URI.create(ORIGIN + path))).as(path).isEqualTo(Placement.INSIDE);
			}
		}
	}

	@Test
	void anEncodedBasePathIsReadAsRfc3986Says() {
		// unreserved characters decoded (both ends of every range), the others kept
		// encoded with upper-case hex: those just outside each range, separators, a
		// control character
		BaseUrlScope encoded = new BaseUrlScope(
				URI.create(ORIGIN + "/m/%61%7a%41%5A%30%39%2d%2E%5f%7E/%60%7b%40%5b%2f%3a%5c%0a%00"));
		assertThat(encoded.getBasePath()).isEqualTo("/m/azAZ09-._~/%60%7B%40%5B%2F%3A%5C%0A%00");
	}

	@Test
	void aPathFullyDecodedWithinThreeRoundsIsPlacedByItsReadings() {
		// 'A' encoded once, twice and three times
		assertThat(place("/m/blue/x%41")).isEqualTo(Placement.INSIDE);
		assertThat(place("/m/blue/x%2541")).isEqualTo(Placement.INSIDE);
		assertThat(place("/m/blue/x%252541")).isEqualTo(Placement.INSIDE);
		assertThat(place("/m/bluex%252541")).isEqualTo(Placement.OUTSIDE);
		// four times: still encoded after three rounds
		assertThat(place("/m/blue/x%25252541")).isEqualTo(Placement.AMBIGUOUS);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// a percent sign that decoding uncovers at the very end, or before one
			// character, or before characters that are not hex
			"/m/blue/x%25", "/m/blue/x%252", "/m/blue/x%25zz", "/m/blue/x%25g1", "/m/blue/x%251g", "/m/blue/%25/x" })
	void malformedSequencesUncoveredByDecodingAreKeptAsTheyAre(String path) {
		assertThat(place(path)).as(path).isEqualTo(Placement.INSIDE);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// an empty path parameter segment is an empty segment to a lenient server,
			// which merges it: "/m/blue/a//../.." is "/m" there, "/m/blue" otherwise
			"/m/blue/a/;/../..", "/m/blue/a/;x=1/../..",
			// an encoded separator is a segment of its own to RFC 3986 and an empty one,
			// merged, to a lenient server
			"/m/blue/%2F/../x", "/m/blue/%5c/../x" })
	void emptySegmentsAreMergedOnlyByTheLenientReading(String path) {
		assertThat(place(path)).as(path).isEqualTo(Placement.AMBIGUOUS);
	}

	@Test
	void plainHttpUsesPort80AsItsDefault() {
		BaseUrlScope local = new BaseUrlScope(URI.create("http://localhost/m/blue"));
		assertThat(local.place(URI.create("http://localhost:80/m/blue/x"))).isEqualTo(Placement.INSIDE);
		assertThat(local.place(URI.create("http://localhost/m/blue/x"))).isEqualTo(Placement.INSIDE);
		assertThat(local.place(URI.create("http://localhost:443/m/blue/x"))).isEqualTo(Placement.OUTSIDE);
		assertThat(local.place(URI.create("http://localhost:8080/m/blue/x"))).isEqualTo(Placement.OUTSIDE);
		BaseUrlScope onPort = new BaseUrlScope(URI.create("http://localhost:80/m/blue"));
		assertThat(onPort.place(URI.create("http://localhost/m/blue/x"))).isEqualTo(Placement.INSIDE);
	}

	private Placement place(String path) {
		return this.scope.place(URI.create(ORIGIN + path));
	}

}
