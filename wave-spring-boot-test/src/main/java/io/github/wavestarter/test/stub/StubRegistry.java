package io.github.wavestarter.test.stub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Thread-safe list of stubs; the most recently added matching stub wins. */
public final class StubRegistry {

	private final List<ApiStub> stubs = new CopyOnWriteArrayList<>();

	/** Adds a stub, taking precedence over earlier ones and over built-in endpoints. */
	public void add(ApiStub stub) {
		stubs.add(0, stub);
	}

	/**
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

}
