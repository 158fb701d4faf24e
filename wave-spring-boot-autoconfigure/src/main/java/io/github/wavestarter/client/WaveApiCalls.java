package io.github.wavestarter.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriUtils;

/**
 * How the Blue API calls of one Wave client are paced and retried ({@code wave.api.*}),
 * alike on its {@code WebClient} ({@link #filter()}) and its {@code RestClient}
 * ({@link #interceptor()}): both share this object, so both share one rate limit. Only
 * requests under the Blue API base URL are paced and retried.
 * <p>
 * <b>Rate limit.</b> At most {@link Settings#maxRequestsPerSecond()} calls per second,
 * spaced evenly (a burst of a tenth of a second's calls). A call over the limit waits for
 * its turn: on a timer for {@code WebClient} (no reactive thread is blocked), on the
 * calling thread for {@code RestClient}. A 429 answer with {@code Retry-After} holds the
 * calls that come after it for that long.
 * <p>
 * <b>Retries.</b> A call answered 429, 502, 503 or 504, or whose connection failed before
 * any answer (refused, reset or closed; not a timeout, not TLS), is attempted again, at
 * most {@link Settings#maxAttempts()} times in all, after an exponential backoff with
 * jitter, or after the {@code Retry-After} the API asked for (plus the jitter) when it is
 * no longer than {@link Settings#maxBackoff()}; a longer one goes to the caller at once.
 * Only calls that are safe to repeat are retried: {@code GET}, {@code HEAD},
 * {@code OPTIONS}, and {@code POST} to the custom methods that only read, those whose
 * path ends in {@code :read} (67 operations of the API reference, such as
 * {@code costs:read}, {@code invoice:read} and {@code alerts:read}). Every other call
 * ({@code costs:calculate}, budget creation, exports) is sent once, unless the caller
 * opts in, with the request attribute {@link #RETRY_WRITES} or, for a reactive call
 * (typed clients included), the Reactor context of {@link #retryWrites()}. A stream is
 * only retried before its first row: the decision is taken on the answer's status, before
 * its body is read.
 * <p>
 * <b>Observations.</b> {@value #RETRY_OBSERVATION}: each retry (its wait and its
 * attempt), tags {@value #STATUS} (what was retried: {@code 429}, {@code 502},
 * {@code 503}, {@code 504}, {@code io}), {@value #OUTCOME} ({@code success}: answered,
 * {@code retried}: failed again and retried again, {@code exhausted}: failed again and
 * went to the caller, {@code failure}: failed otherwise, {@code cancelled}) and
 * {@value #CLIENT}. {@value #WAIT_OBSERVATION}: each wait for the rate limit, tag
 * {@value #CLIENT}.
 */
public final class WaveApiCalls {

	/**
	 * Request attribute that opts a call that writes into the retries: set it to
	 * {@code Boolean.TRUE} ({@code .attribute(WaveApiCalls.RETRY_WRITES, true)}), on a
	 * {@code RestClient} or a {@code WebClient} request, when repeating the call does no
	 * harm.
	 */
	public static final String RETRY_WRITES = WaveApiCalls.class.getName() + ".retryWrites";

	/** Observation of one retry. */
	static final String RETRY_OBSERVATION = "wave.api.retry";

	/** Observation of one wait for the rate limit. */
	static final String WAIT_OBSERVATION = "wave.api.rate-limit.wait";

	/** Tag: what was retried. */
	static final String STATUS = "status";

	/** Tag: how a retry ended. */
	static final String OUTCOME = "outcome";

	/** Tag: the client, as on {@code wave.token.acquisition}. */
	static final String CLIENT = "wave.client";

	/** The {@value #STATUS} of a retry after a failed connection. */
	static final String IO = "io";

	private final Settings settings;

	private final BaseUrlScope scope;

	private final @Nullable RateLimiter limiter;

	private final ObservationRegistry observationRegistry;

	private final String clientTag;

	/**
	 * Creates the policy of one client.
	 * @param settings the rate limit and retries
	 * @param baseUrl the Blue API base URL: only requests under it are paced and retried
	 * @param observationRegistry where retries and waits are observed
	 * @param clientTag the value of the {@value #CLIENT} tag
	 */
	public WaveApiCalls(Settings settings, URI baseUrl, ObservationRegistry observationRegistry, String clientTag) {
		this(settings, baseUrl, observationRegistry, clientTag, System::nanoTime);
	}

	WaveApiCalls(Settings settings, URI baseUrl, ObservationRegistry observationRegistry, String clientTag,
			LongSupplier nanoTime) {
		this.settings = settings;
		this.scope = new BaseUrlScope(baseUrl);
		this.limiter = (settings.maxRequestsPerSecond() > 0)
				? new RateLimiter(settings.maxRequestsPerSecond(), nanoTime) : null;
		this.observationRegistry = observationRegistry;
		this.clientTag = clientTag;
	}

	/**
	 * The Reactor context that opts every call of a {@code Mono} or {@code Flux} into the
	 * retries, writes included: {@code costApi.calculateCosts(request)
	 * .contextWrite(WaveApiCalls.retryWrites())}.
	 * @return the context
	 */
	public static Context retryWrites() {
		return Context.of(RETRY_WRITES, Boolean.TRUE);
	}

	/**
	 * The filter that paces and retries the calls of a {@code WebClient}; add it before
	 * the {@link WaveBearerTokenFilter}, so each attempt gets a valid token.
	 * @return the filter
	 */
	public ExchangeFilterFunction filter() {
		return new ApiCallFilter(this);
	}

	/**
	 * The interceptor that paces and retries the calls of a {@code RestClient}; add it
	 * before the {@link WaveBearerTokenInterceptor}. The calling thread waits.
	 * @return the interceptor
	 */
	public ClientHttpRequestInterceptor interceptor() {
		return new ApiCallInterceptor(this);
	}

	/**
	 * The settings.
	 * @return the settings
	 */
	public Settings getSettings() {
		return this.settings;
	}

	/** Whether a request is a Blue API call, to be paced and retried. */
	boolean covers(URI url) {
		return this.scope.place(url) == BaseUrlScope.Placement.INSIDE;
	}

	/**
	 * Whether a call only reads, so that repeating it does no harm: {@code GET},
	 * {@code HEAD}, {@code OPTIONS}, and a {@code POST} to a {@code :read} custom method.
	 */
	static boolean isSafe(HttpMethod method, URI url) {
		if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
			return true;
		}
		String path = url.getRawPath();
		if (!HttpMethod.POST.equals(method) || path == null) {
			return false;
		}
		String segment = UriUtils.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
		return segment.endsWith(":read") && segment.length() > ":read".length();
	}

	/**
	 * Whether a call may be attempted again: it is safe to repeat, or its caller opted
	 * in.
	 * @param optIn the value of {@link #RETRY_WRITES} the caller gave, or {@code null}
	 */
	static boolean isRetryable(HttpMethod method, URI url, @Nullable Object optIn) {
		return isSafe(method, url) || Boolean.TRUE.equals(optIn);
	}

	/**
	 * What comes after an attempt that was answered.
	 * @param status the answer's status
	 * @param headers the answer's headers
	 * @param attempts the attempts made so far
	 * @param retryable whether the call may be attempted again
	 * @param retry the retry this attempt was, or {@code null} for the first attempt
	 * @return the next attempt, or {@code null} when the answer goes to the caller
	 */
	@Nullable Again afterAnswer(int status, HttpHeaders headers, int attempts, boolean retryable, @Nullable Retry retry) {
		Duration retryAfter = retryAfter(headers);
		answered(status, retryAfter);
		String retried = retryable ? retriedStatus(status) : null;
		return again(retried, (retried != null) ? retryDelay(attempts, retryAfter) : null, retry, Retry.SUCCESS);
	}

	/**
	 * What comes after an attempt that failed without an answer.
	 * @param failure the failure
	 * @param attempts the attempts made so far
	 * @param retryable whether the call may be attempted again
	 * @param retry the retry this attempt was, or {@code null} for the first attempt
	 * @return the next attempt, or {@code null} when the failure goes to the caller
	 */
	@Nullable Again afterFailure(Throwable failure, int attempts, boolean retryable, @Nullable Retry retry) {
		String retried = (retryable && isConnectionFailure(failure)) ? IO : null;
		return again(retried, (retried != null) ? retryDelay(attempts, null) : null, retry, Retry.FAILURE);
	}

	/**
	 * Ends the observation of the retry that was, and starts the next one's, or says
	 * there is none.
	 */
	private @Nullable Again again(@Nullable String retried, @Nullable Duration delay, @Nullable Retry retry,
			String outcome) {
		if (retried == null || delay == null) {
			Retry.end(retry, (retried != null) ? Retry.EXHAUSTED : outcome);
			return null;
		}
		Retry.end(retry, Retry.RETRIED);
		return new Again(startRetry(retried), delay);
	}

	/**
	 * Reserves a slot of the rate limit.
	 * @return how long to wait for it, in nanoseconds
	 */
	long reserve() {
		return (this.limiter != null) ? this.limiter.reserve() : 0;
	}

	/**
	 * What an answer tells every call: a 429 with {@code Retry-After} holds the calls to
	 * come (no longer than {@link Settings#maxBackoff()}).
	 */
	void answered(int status, @Nullable Duration retryAfter) {
		if (this.limiter != null && status == HttpStatus.TOO_MANY_REQUESTS.value() && retryAfter != null) {
			this.limiter.pause(min(retryAfter, this.settings.maxBackoff()));
		}
	}

	/**
	 * The {@value #STATUS} of an answer that calls for a retry, or {@code null}.
	 */
	static @Nullable String retriedStatus(int status) {
		return switch (status) {
			case 429, 502, 503, 504 -> Integer.toString(status);
			default -> null;
		};
	}

	/**
	 * Whether a failure is a connection that failed before any answer: an I/O failure
	 * that is neither a timeout nor TLS.
	 */
	static boolean isConnectionFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedIOException || cause instanceof HttpTimeoutException
					|| cause instanceof SSLException) {
				return false;
			}
			if (cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How long to wait before the next attempt, or {@code null} when there is none.
	 * @param attempts the attempts made so far
	 * @param retryAfter the {@code Retry-After} of the last answer, or {@code null}
	 */
	@Nullable Duration retryDelay(int attempts, @Nullable Duration retryAfter) {
		Duration longest = this.settings.maxBackoff();
		if (attempts >= this.settings.maxAttempts() || (retryAfter != null && retryAfter.compareTo(longest) > 0)) {
			return null;
		}
		long base = (long) Math.min(this.settings.backoff().toNanos() * Math.pow(2, attempts - 1), longest.toNanos());
		long half = base / 2;
		Duration jittered = Duration.ofNanos(half + ((half > 0) ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
		return (retryAfter != null) ? min(retryAfter.plus(jittered), longest) : jittered;
	}

	/** The delay a {@code Retry-After} header asks for, or {@code null}. */
	static @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				ZonedDateTime at = headers.getFirstZonedDateTime(HttpHeaders.RETRY_AFTER);
				Duration delay = (at != null) ? Duration.between(ZonedDateTime.now(at.getZone()), at) : null;
				return (delay != null && delay.isNegative()) ? Duration.ZERO : delay;
			}
			catch (IllegalArgumentException notADate) {
				return null;
			}
		}
	}

	/** A retry's observation, started. */
	private Retry startRetry(String status) {
		return new Retry(new ObservedOnce(Observation.createNotStarted(RETRY_OBSERVATION, this.observationRegistry)
			.contextualName("wave api retry")
			.lowCardinalityKeyValue(STATUS, status)
			.lowCardinalityKeyValue(CLIENT, this.clientTag)));
	}

	/** A wait's observation, started. */
	ObservedOnce startWait() {
		return new ObservedOnce(Observation.createNotStarted(WAIT_OBSERVATION, this.observationRegistry)
			.contextualName("wave api rate limit wait")
			.lowCardinalityKeyValue(CLIENT, this.clientTag));
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public String toString() {
		return "WaveApiCalls[" + this.settings + ", client=" + this.clientTag + "]";
	}

	/**
	 * The rate limit and retries of a client ({@code wave.api.*}; the defaults are those
	 * of {@code WaveProperties}).
	 *
	 * @param maxRequestsPerSecond the most calls per second, zero for no limit
	 * @param maxAttempts how many times a call is attempted, at least 1 (no retry)
	 * @param backoff the backoff before the first retry, doubled (with jitter) for each
	 * further one
	 * @param maxBackoff the longest wait before a retry, {@code Retry-After} included
	 */
	public record Settings(double maxRequestsPerSecond, int maxAttempts, Duration backoff, Duration maxBackoff) {

		/**
		 * Checks the settings.
		 * @param maxRequestsPerSecond the most calls per second, zero for no limit
		 * @param maxAttempts how many times a call is attempted, at least 1
		 * @param backoff the first backoff, zero or more
		 * @param maxBackoff the longest wait before a retry, more than zero
		 */
		public Settings {
			if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
				throw new IllegalArgumentException(
						"maxRequestsPerSecond must be zero (no limit) or more, not " + maxRequestsPerSecond);
			}
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
			}
			if (backoff.isNegative()) {
				throw new IllegalArgumentException("backoff must not be negative, not " + backoff);
			}
			if (maxBackoff.isNegative() || maxBackoff.isZero()) {
				throw new IllegalArgumentException("maxBackoff must be longer than zero, not " + maxBackoff);
			}
		}

	}

	/**
	 * The next attempt of a call: its retry, whose observation is started, and how long
	 * to wait for it.
	 *
	 * @param retry the retry
	 * @param delay the wait before it
	 */
	record Again(Retry retry, Duration delay) {

	}

	/** The observation of one retry, stopped once with its outcome. */
	static final class Retry {

		static final String SUCCESS = "success";

		static final String RETRIED = "retried";

		static final String EXHAUSTED = "exhausted";

		static final String FAILURE = "failure";

		static final String CANCELLED = "cancelled";

		private final ObservedOnce observation;

		private Retry(ObservedOnce observation) {
			this.observation = observation;
		}

		/** Stops the observation of a retry, once; nothing for the first attempt. */
		static void end(@Nullable Retry retry, String outcome) {
			if (retry != null) {
				retry.observation.stop(OUTCOME, outcome, null);
			}
		}

	}

}
