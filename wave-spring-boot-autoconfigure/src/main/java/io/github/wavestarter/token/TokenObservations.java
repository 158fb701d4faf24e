package io.github.wavestarter.token;

import io.micrometer.observation.Observation;
import reactor.util.context.ContextView;

/**
 * The Micrometer observation of token acquisitions. With Micrometer's default handlers it
 * becomes a timer (and a span when tracing is on), and each event a counter named
 * {@code <observation>.<event>}:
 * <ul>
 * <li>{@value #TOKEN_ACQUISITION}: one token acquisition (all attempts), tags
 * {@value #GRANT_TYPE}, {@value #CLIENT}, {@value #OUTCOME} ({@code success} or
 * {@code failure}), {@value #ERROR_CODE};</li>
 * <li>{@code wave.token.acquisition.joined}: callers that found an acquisition in flight
 * and waited for it instead of requesting their own token;</li>
 * <li>{@code wave.token.acquisition.retry}: retries of a transiently failed token
 * request.</li>
 * </ul>
 */
final class TokenObservations {

	/** Observation of one token acquisition. */
	static final String TOKEN_ACQUISITION = "wave.token.acquisition";

	/** Event: a caller joined an acquisition in flight. */
	static final Observation.Event JOINED = Observation.Event.of("joined",
			"A caller joined a token acquisition in flight");

	/** Event: a token request is retried. */
	static final Observation.Event RETRY = Observation.Event.of("retry", "A token request is retried");

	/** Tag: the OAuth2 grant type. */
	static final String GRANT_TYPE = "grant.type";

	/**
	 * Tag: the client, {@value #DEFAULT_CLIENT} for the client of {@code wave.*}, the
	 * name of a client of {@code wave.clients.*}, {@code runtime} for clients registered
	 * at run time (which share it, so that thousands of them stay one time series).
	 */
	static final String CLIENT = "wave.client";

	/** The {@link #CLIENT} tag of the client of {@code wave.*}. */
	static final String DEFAULT_CLIENT = "default";

	/** Tag: {@code success} or {@code failure}. */
	static final String OUTCOME = "outcome";

	/** Tag: the OAuth2 error code of a failed acquisition, {@code none} otherwise. */
	static final String ERROR_CODE = "error.code";

	/**
	 * Reactor context key of the current observation; the value of Micrometer's
	 * {@code ObservationThreadLocalAccessor.KEY}, which {@code WebClient} reads to parent
	 * its HTTP observations (repeated here so that the optional context-propagation
	 * library is not needed).
	 */
	static final String CONTEXT_KEY = "micrometer.observation";

	private TokenObservations() {
	}

	/**
	 * Records a {@link #RETRY} event on the acquisition observation of the subscriber's
	 * context, if there is one.
	 * @param context the subscriber's context
	 */
	static void retried(ContextView context) {
		Observation observation = context.getOrDefault(CONTEXT_KEY, null);
		if (observation != null) {
			observation.event(RETRY);
		}
	}

}
