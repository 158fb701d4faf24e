package io.github.wavestarter.observation;

import java.util.function.Function;

import io.github.wavestarter.token.endpoint.WaveTokenResponseClient;
import io.micrometer.observation.Observation;
import reactor.util.context.ContextView;

/**
 * Names of the starter's Micrometer observations. With Micrometer's default handlers each
 * observation becomes a timer (and a span when tracing is on) and each event a counter
 * named {@code <observation>.<event>}.
 * <ul>
 * <li>{@value #TOKEN_ACQUISITION}: one token acquisition (all attempts), tags
 * {@value #GRANT_TYPE}, {@value #OUTCOME}, {@value #ERROR_CODE};</li>
 * <li>{@code wave.token.acquisition.joined}: callers that found an acquisition in flight
 * and waited for it instead of requesting their own token;</li>
 * <li>{@code wave.token.acquisition.retry}: retries of a transiently failed token
 * request;</li>
 * <li>{@value #API_REPLAY}: Blue API requests replayed with a new token after a 401, tag
 * {@value #OUTCOME}.</li>
 * </ul>
 * The HTTP calls themselves appear in {@code http.client.requests}.
 */
public final class WaveObservations {

	/** Observation of one token acquisition. */
	public static final String TOKEN_ACQUISITION = "wave.token.acquisition";

	/** Event: a caller joined an acquisition in flight. */
	public static final Observation.Event JOINED = Observation.Event.of("joined",
			"A caller joined a token acquisition in flight");

	/** Event: a token request is retried. */
	public static final Observation.Event RETRY = Observation.Event.of("retry", "A token request is retried");

	/** Observation of a Blue API request replayed after a 401. */
	public static final String API_REPLAY = "wave.api.replay";

	/** Tag: the OAuth2 grant type. */
	public static final String GRANT_TYPE = "grant.type";

	/**
	 * Tag: {@code success} or {@code failure} (replays: {@code success},
	 * {@code unauthorized} when the new token is refused too, {@code failure} when no new
	 * token or no answer could be had, {@code cancelled} when the caller cancelled).
	 */
	public static final String OUTCOME = "outcome";

	/** Tag: the OAuth2 error code of a failed acquisition, {@code none} otherwise. */
	public static final String ERROR_CODE = "error.code";

	/**
	 * Reactor context key of the current observation; the value of Micrometer's
	 * {@code ObservationThreadLocalAccessor.KEY}, which {@code WebClient} reads to parent
	 * its HTTP observations (repeated here so that the optional context-propagation
	 * library is not needed).
	 */
	public static final String CONTEXT_KEY = "micrometer.observation";

	private WaveObservations() {
	}

	/**
	 * A retry listener that records {@link #RETRY} on the acquisition observation found
	 * in the subscriber's context.
	 * @return the listener factory
	 */
	public static Function<ContextView, WaveTokenResponseClient.RetryListener> retryEvents() {
		return (context) -> {
			Observation observation = context.getOrDefault(CONTEXT_KEY, null);
			return (observation != null) ? (failure, retry) -> observation.event(RETRY)
					: WaveTokenResponseClient.RetryListener.NONE;
		};
	}

}
