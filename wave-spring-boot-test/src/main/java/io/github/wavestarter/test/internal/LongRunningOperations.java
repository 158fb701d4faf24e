package io.github.wavestarter.test.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The long-running operations the emulator started ({@code costs:calculate},
 * {@code reports:export}): each is done at its K-th {@code GET /ops/v1/{name}} (K from
 * the builder, {@code 0} for done at once), then answers its {@code response} or its
 * {@code error}. Internal API.
 */
public final class LongRunningOperations {

	private static final String STRUCT = "type.googleapis.com/google.protobuf.Struct";

	/** One operation. */
	private static final class State {

		final String name;

		final String kind;

		final Instant created;

		final int pollsToDone;

		final AtomicInteger polls = new AtomicInteger();

		final ObjectNode metadata;

		final @Nullable ObjectNode response;

		final int errorCode;

		final String errorMessage;

		State(String name, String kind, Instant created, int pollsToDone, ObjectNode metadata,
				@Nullable ObjectNode response, int errorCode, String errorMessage) {
			this.name = name;
			this.kind = kind;
			this.created = created;
			this.pollsToDone = pollsToDone;
			this.metadata = metadata;
			this.response = response;
			this.errorCode = errorCode;
			this.errorMessage = errorMessage;
		}

		boolean done() {
			return polls.get() >= pollsToDone;
		}

		ObjectNode json() {
			ObjectNode json = Json.MAPPER.createObjectNode();
			json.put("name", name);
			ObjectNode meta = json.putObject("metadata");
			meta.put("@type", STRUCT);
			ObjectNode value = meta.putObject("value");
			value.setAll(metadata);
			value.put("createTime", created.toString());
			value.put("polls", polls.get());
			boolean done = done();
			if (done) {
				json.put("done", true);
				if (errorCode != 0) {
					ObjectNode error = json.putObject("error");
					error.put("code", errorCode);
					error.put("message", errorMessage);
					error.putArray("details");
				}
				else if (response != null) {
					ObjectNode any = json.putObject("response");
					any.put("@type", STRUCT);
					any.set("value", response);
				}
			}
			return json;
		}

	}

	private final Map<String, State> operations = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger();

	/** Polls of {@code GET /ops/v1/{name}} until done; set by the builder. */
	private final int pollsToDone;

	public LongRunningOperations(int pollsToDone) {
		if (pollsToDone < 0) {
			throw new IllegalArgumentException("operationPolls must be >= 0");
		}
		this.pollsToDone = pollsToDone;
	}

	/**
	 * Starts an operation that succeeds.
	 * @param prefix name prefix derived from the request, e.g.
	 * {@code costs-calculate-aws-202610}
	 * @param kind what it does, e.g. {@code costs:calculate}
	 * @return the operation JSON as the start call answers it
	 */
	public ObjectNode start(String prefix, String kind, Instant now, ObjectNode metadata, ObjectNode response) {
		return add(prefix, kind, now, metadata, response, 0, "");
	}

	/** Starts an operation that fails with the given gRPC code once done. */
	public ObjectNode startFailing(String prefix, String kind, Instant now, ObjectNode metadata, int code,
			String message) {
		return add(prefix, kind, now, metadata, null, code, message);
	}

	private ObjectNode add(String prefix, String kind, Instant now, ObjectNode metadata, @Nullable ObjectNode response,
			int code, String message) {
		String name = prefix + "-" + sequence.incrementAndGet();
		State state = new State(name, kind, now, pollsToDone, metadata, response, code, message);
		operations.put(name, state);
		return state.json();
	}

	/** One poll: counts it and answers the state, or {@code null} for an unknown name. */
	public @Nullable ObjectNode poll(String name) {
		State state = operations.get(name);
		if (state == null) {
			return null;
		}
		state.polls.incrementAndGet();
		return state.json();
	}

	/**
	 * The operations of a kind created at or after {@code from}, in creation order,
	 * without polling.
	 */
	public List<ObjectNode> list(String kind, Instant from, boolean excludeDone) {
		List<State> states = new ArrayList<>(operations.values());
		states.sort((a, b) -> Integer.compare(sequenceOf(a.name), sequenceOf(b.name)));
		List<ObjectNode> list = new ArrayList<>();
		for (State state : states) {
			if (state.kind.equals(kind) && !state.created.isBefore(from) && !(excludeDone && state.done())) {
				list.add(state.json());
			}
		}
		return list;
	}

	private static int sequenceOf(String name) {
		return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
	}

	/** Forgets every operation and restarts the name sequence. */
	public void clear() {
		operations.clear();
		sequence.set(0);
	}

}
