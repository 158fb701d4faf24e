package io.github.wavestarter.token;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link WaveTokenResponseClient} reads from the token endpoint's headers, without
 * HTTP: the {@code Retry-After} delay, and the part of a redirect's {@code Location} that
 * a message may name.
 */
class WaveTokenResponseClientHeadersTests {

	private static final URI TOKEN_URI = URI.create("https://login.example.com/oauth2/token");

	@Test
	void retryAfterInSecondsIsReadAndANegativeOneMeansNow() {
		assertThat(WaveTokenResponseClient.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
		assertThat(WaveTokenResponseClient.retryAfter(" 120 ")).isEqualTo(Duration.ofSeconds(120));
		assertThat(WaveTokenResponseClient.retryAfter("0")).isEqualTo(Duration.ZERO);
		assertThat(WaveTokenResponseClient.retryAfter("-5")).isEqualTo(Duration.ZERO);
	}

	@Test
	void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1));
		assertThat(WaveTokenResponseClient.retryAfter(inAMinute)).isBetween(Duration.ofSeconds(30),
				Duration.ofSeconds(60));
		String anHourAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
		assertThat(WaveTokenResponseClient.retryAfter(anHourAgo)).isEqualTo(Duration.ZERO);
	}

	@Test
	void anAbsentOrUnreadableRetryAfterIsNone() {
		assertThat(WaveTokenResponseClient.retryAfter(null)).isNull();
		assertThat(WaveTokenResponseClient.retryAfter(" ")).isNull();
		assertThat(WaveTokenResponseClient.retryAfter("soon")).isNull();
		assertThat(WaveTokenResponseClient.retryAfter("1.5")).isNull();
	}

	@Test
	void aRedirectTargetIsNamedByItsSchemeAndHostOnly() {
		ServerText serverText = ServerText.masking("client-secret");
		assertThat(WaveTokenResponseClient.target(TOKEN_URI,
				"https://user:pw@evil.example.org:8443/steal?secret=client-secret#f", serverText))
			.isEqualTo("https://evil.example.org");
		assertThat(WaveTokenResponseClient.target(TOKEN_URI, " /elsewhere?x=1 ", serverText))
			.isEqualTo("https://login.example.com");
		assertThat(WaveTokenResponseClient.target(TOKEN_URI, "//other.example.com/token", serverText))
			.isEqualTo("https://other.example.com");
	}

	@Test
	void aRedirectWithoutAReadableHostIsDescribed() {
		ServerText serverText = ServerText.masking();
		assertThat(WaveTokenResponseClient.target(TOKEN_URI, null, serverText))
			.isEqualTo("nowhere (no Location header)");
		assertThat(WaveTokenResponseClient.target(TOKEN_URI, "  ", serverText))
			.isEqualTo("nowhere (no Location header)");
		assertThat(WaveTokenResponseClient.target(TOKEN_URI, "mailto:someone@example.com", serverText))
			.isEqualTo("a location without a host");
		assertThat(WaveTokenResponseClient.target(TOKEN_URI, "https://bad host/x", serverText))
			.isEqualTo("an unreadable location");
	}

}
