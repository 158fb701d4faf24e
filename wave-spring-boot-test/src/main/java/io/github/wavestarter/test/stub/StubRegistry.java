package io.github.wavestarter.test.stub;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The stubs of an emulator, {@code MockWaveServer.stubs()}: thread-safe, the most
 * recently added matching stub wins, and stubs override the built-in endpoints.
 *
 * <pre>{@code
 * server.stubs().stub("GET", "/billing/v1/billinggroups").thenStream(groups);
 * }</pre>
 */
public final class StubRegistry {

	private final List<ApiStub> stubs = new CopyOnWriteArrayList<>();

	private final Consumer<String> pathCheck;

	private final Function<Object, String> toJson;

	/**
	 * Creates an empty registry.
	 * @param pathCheck throws {@link IllegalArgumentException} for a path template no
	 * Blue API service serves
	 * @param toJson serializes a stub body to JSON text (strings are JSON text already)
	 */
	public StubRegistry(Consumer<String> pathCheck, Function<Object, String> toJson) {
		this.pathCheck = Objects.requireNonNull(pathCheck, "pathCheck");
		this.toJson = Objects.requireNonNull(toJson, "toJson");
	}

	/**
	 * Stubs a Blue API endpoint (overrides built-ins). Stubbed calls still need a valid
	 * token and still honour faults.
	 * @param method HTTP method
	 * @param pathTemplate the real path relative to {@code /m/blue}: the service base
	 * followed by the path of the operation in the API reference, e.g.
	 * {@code /billing/v1/billinggroups} or {@code /cost/v1/{vendor}/budgets};
	 * {@code {name}} matches one segment
	 * @return the builder of the answer
	 * @throws IllegalArgumentException if no Blue API service serves the path (such as
	 * {@code /v1/aws/budgets}, which lacks Cost's base {@code /cost})
	 */
	public StubBuilder stub(String method, String pathTemplate) {
		StubBuilder builder = new StubBuilder(this, method, pathTemplate);
		pathCheck.accept(builder.pathTemplate());
		return builder;
	}

	/** Adds a stub, taking precedence over earlier ones and over built-in endpoints. */
	public void add(ApiStub stub) {
		stubs.add(0, Objects.requireNonNull(stub, "stub"));
	}

	/**
	 * @param method HTTP method of the request
	 * @param path request path relative to {@code /m/blue}
	 * @return the stub answering this request, or {@code null}
	 */
	public @Nullable ApiStub find(String method, String path) {
		for (ApiStub stub : stubs) {
			if (stub.matches(method, path)) {
				return stub;
			}
		}
		return null;
	}

	/**
	 * @return snapshot of the stubs, newest first
	 */
	public List<ApiStub> all() {
		return List.copyOf(stubs);
	}

	/** Removes all stubs. */
	public void clear() {
		stubs.clear();
	}

	String toJson(Object body) {
		return toJson.apply(Objects.requireNonNull(body, "body"));
	}

}
