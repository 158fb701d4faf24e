package io.github.wavestarter.test.journal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal of an emulator, {@code MockWaveServer.journal()}: a thread-safe record of
 * every request it received since start or the last {@link #clear()}, with exact
 * counters.
 */
public final class RequestJournal {

	private final ConcurrentLinkedQueue<RecordedTokenRequest> tokenRequests = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<RecordedApiRequest> apiRequests = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<RecordedApiRequest> strayRequests = new ConcurrentLinkedQueue<>();

	private final AtomicLong tokenCount = new AtomicLong();

	private final AtomicLong apiCount = new AtomicLong();

	private final ConcurrentLinkedQueue<RecordedApiRequest> rateLimitedRequests = new ConcurrentLinkedQueue<>();

	private final AtomicLong rateLimitedCount = new AtomicLong();

	/** Records a token endpoint request. */
	public void record(RecordedTokenRequest request) {
		tokenRequests.add(request);
		tokenCount.incrementAndGet();
	}

	/** Records a Blue API request. */
	public void record(RecordedApiRequest request) {
		apiRequests.add(request);
		apiCount.incrementAndGet();
	}

	/**
	 * Records a Blue API request that the rate limit rejected with {@code 429}: it is one
	 * of the {@linkplain #apiRequests() API requests} and one of the
	 * {@linkplain #rateLimitedRequests() rate-limited} ones.
	 * @param request the request
	 */
	public void recordRateLimited(RecordedApiRequest request) {
		record(request);
		rateLimitedRequests.add(request);
		rateLimitedCount.incrementAndGet();
	}

	/**
	 * Records a request to a path that is neither the token endpoint nor under the Blue
	 * API base path.
	 * @param request the request, with its full path
	 */
	public void recordStray(RecordedApiRequest request) {
		strayRequests.add(request);
	}

	/**
	 * Requests to any path other than the token endpoint and the Blue API base path
	 * (answered {@code 404}), with the full request path. Lets a test assert that a
	 * client sends no credentials outside the Blue API:
	 * {@code assertThat(server.journal().strayRequests()).noneMatch(RecordedApiRequest::hasAuthorization)}.
	 * @return snapshot of the stray requests in arrival order
	 */
	public List<RecordedApiRequest> strayRequests() {
		return List.copyOf(strayRequests);
	}

	/**
	 * @return snapshot of the token requests in arrival order
	 */
	public List<RecordedTokenRequest> tokenRequests() {
		return List.copyOf(tokenRequests);
	}

	/**
	 * @return snapshot of the API requests in arrival order
	 */
	public List<RecordedApiRequest> apiRequests() {
		return List.copyOf(apiRequests);
	}

	/**
	 * @param clientId a client id
	 * @return snapshot of the token requests that asked for a token of this client (their
	 * {@code client_id} field), accepted or not, in arrival order
	 */
	public List<RecordedTokenRequest> tokenRequests(String clientId) {
		Objects.requireNonNull(clientId, "clientId");
		return tokenRequests.stream().filter(r -> clientId.equals(r.clientId())).toList();
	}

	/**
	 * @param clientId a client id
	 * @return number of token requests for this client since start or the last
	 * {@link #clear()}
	 */
	public long tokenRequestCount(String clientId) {
		return tokenRequests(clientId).size();
	}

	/**
	 * @param clientId a client id
	 * @return snapshot of the API requests that carried a token of this client (see
	 * {@link RecordedApiRequest#clientId()}), in arrival order
	 */
	public List<RecordedApiRequest> apiRequests(String clientId) {
		Objects.requireNonNull(clientId, "clientId");
		return apiRequests.stream().filter(r -> clientId.equals(r.clientId())).toList();
	}

	/**
	 * @param clientId a client id
	 * @return number of API requests that carried a token of this client since start or
	 * the last {@link #clear()}
	 */
	public long apiRequestCount(String clientId) {
		return apiRequests(clientId).size();
	}

	/**
	 * The API requests that the emulator's rate limit
	 * ({@code MockWaveServer.Builder.rateLimit(int)}) answered {@code 429} without
	 * processing them; they are also among the {@linkplain #apiRequests() API requests}.
	 * @return snapshot of the rate-limited requests in arrival order
	 */
	public List<RecordedApiRequest> rateLimitedRequests() {
		return List.copyOf(rateLimitedRequests);
	}

	/**
	 * @param clientId a client id
	 * @return snapshot of the rate-limited requests (see {@link #rateLimitedRequests()})
	 * that carried a token of this client, in arrival order
	 */
	public List<RecordedApiRequest> rateLimitedRequests(String clientId) {
		Objects.requireNonNull(clientId, "clientId");
		return rateLimitedRequests.stream().filter(r -> clientId.equals(r.clientId())).toList();
	}

	/**
	 * @return number of API requests the rate limit answered {@code 429} since start or
	 * the last {@link #clear()}
	 */
	public long rateLimitedRequestCount() {
		return rateLimitedCount.get();
	}

	/**
	 * @param clientId a client id
	 * @return number of API requests of this client the rate limit answered {@code 429}
	 * since start or the last {@link #clear()}
	 */
	public long rateLimitedRequestCount(String clientId) {
		return rateLimitedRequests(clientId).size();
	}

	/**
	 * @return the most recent token request, or {@code null}
	 */
	public @Nullable RecordedTokenRequest lastTokenRequest() {
		List<RecordedTokenRequest> all = tokenRequests();
		return all.isEmpty() ? null : all.get(all.size() - 1);
	}

	/**
	 * @return the most recent API request, or {@code null}
	 */
	public @Nullable RecordedApiRequest lastApiRequest() {
		List<RecordedApiRequest> all = apiRequests();
		return all.isEmpty() ? null : all.get(all.size() - 1);
	}

	/**
	 * @return number of token requests since start or the last {@link #clear()}
	 */
	public long tokenRequestCount() {
		return tokenCount.get();
	}

	/**
	 * @return number of API requests since start or the last {@link #clear()}
	 */
	public long apiRequestCount() {
		return apiCount.get();
	}

	/** Forgets all requests and zeroes the counters. */
	public void clear() {
		tokenRequests.clear();
		apiRequests.clear();
		strayRequests.clear();
		rateLimitedRequests.clear();
		tokenCount.set(0);
		apiCount.set(0);
		rateLimitedCount.set(0);
	}

}
