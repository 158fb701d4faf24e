package io.github.wavestarter.token;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The checks of {@link WaveTokenManager.Settings} at their boundaries (zero, one
 * nanosecond below), and the message of a {@link WaveTokenException}.
 */
class WaveTokenManagerSettingsTests {

	private static final Duration SECOND = Duration.ofSeconds(1);

	private static final Duration BELOW_ZERO = Duration.ofNanos(-1);

	@Test
	void theSmallestValidSettingsAreAccepted() {
		assertThatNoException().isThrownBy(() -> new WaveTokenManager.Settings(Duration.ofNanos(1), 1, Duration.ZERO,
				Duration.ofNanos(1), Duration.ZERO, Duration.ZERO, false));
	}

	@Test
	void timeoutMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveTokenManager.Settings(Duration.ZERO, 1, SECOND, SECOND, SECOND, SECOND, true))
			.withMessage("timeout must be positive");
	}

	@Test
	void maxAttemptsMustBeAtLeastOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveTokenManager.Settings(SECOND, 0, SECOND, SECOND, SECOND, SECOND, true))
			.withMessage("maxAttempts must be at least 1");
	}

	@Test
	void retryBackoffMustNotBeNegative() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveTokenManager.Settings(SECOND, 1, BELOW_ZERO, SECOND, SECOND, SECOND, true))
			.withMessage("retryBackoff must not be negative");
	}

	@Test
	void defaultExpiresInMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveTokenManager.Settings(SECOND, 1, SECOND, Duration.ZERO, SECOND, SECOND, true))
			.withMessage("defaultExpiresIn must be positive");
	}

	@Test
	void clockSkewMustNotBeNegative() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveTokenManager.Settings(SECOND, 1, SECOND, SECOND, BELOW_ZERO, SECOND, true))
			.withMessage("clockSkew must not be negative");
	}

	@Test
	void forcedRenewalIntervalMustNotBeNegative() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WaveTokenManager.Settings(SECOND, 1, SECOND, SECOND, SECOND, BELOW_ZERO, true))
			.withMessage("forcedRenewalInterval must not be negative");
	}

	@Test
	void aTokenFailureNamesTheHttpStatusOnlyWhenThereWasAnAnswer() {
		OAuth2Error error = new OAuth2Error("invalid_client", "bad secret", null);
		assertThat(new WaveTokenException(error, 401, false, null, null).getMessage())
			.isEqualTo("Wave token request failed: [invalid_client] bad secret (HTTP 401)");
		assertThat(new WaveTokenException(error, 1, false, null, null).getMessage()).endsWith(" (HTTP 1)");
		assertThat(new WaveTokenException(error, 0, true, null, null).getMessage())
			.isEqualTo("Wave token request failed: [invalid_client] bad secret");
		assertThat(new WaveTokenException(new OAuth2Error("timeout"), 0, true, null, null).getMessage())
			.isEqualTo("Wave token request failed: [timeout]");
	}

	@Test
	void theLongestAcquisitionCoversEveryAttemptAndTheLongestWaitBeforeEachRetry() {
		// the backoff cap (10 s) is the longest wait when the timeout is shorter
		assertThat(new WaveTokenManager.Settings(Duration.ofSeconds(2), 3, SECOND, SECOND, SECOND, SECOND, false)
			.longestAcquisition()).isEqualTo(Duration.ofSeconds(36));
		// a Retry-After of up to the timeout is the longest wait when the timeout is
		// longer
		assertThat(new WaveTokenManager.Settings(Duration.ofSeconds(30), 2, SECOND, SECOND, SECOND, SECOND, false)
			.longestAcquisition()).isEqualTo(Duration.ofSeconds(120));
	}

}
