package io.github.wavestarter.test.fault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Thread-safe, ordered collection of armed {@link FaultSpec}s. The first armed spec (in
 * arming order) that matches a request and still has uses left is consumed by it.
 */
public final class FaultPlan {

	private final List<FaultSpec> specs = new CopyOnWriteArrayList<>();

	/**
	 * Arms a new fault for the next {@code times} requests matching {@code target}.
	 * @return the spec to configure
	 */
	public FaultSpec arm(FaultTarget target, int times) {
		FaultSpec spec = new FaultSpec(target, times);
		specs.add(spec);
		return spec;
	}

	/**
	 * @return the fault for this token request, or {@code null} for normal service
	 */
	public @Nullable Fault nextForToken() {
		for (FaultSpec spec : specs) {
			if (spec.target().matchesToken()) {
				Fault fault = spec.tryConsume();
				if (fault != null) {
					cleanUp(spec);
					return fault;
				}
			}
		}
		return null;
	}

	/**
	 * @return the fault for a Blue API request to {@code apiPath}, or {@code null} for
	 * normal service
	 */
	public @Nullable Fault nextForApi(String apiPath) {

		for (FaultSpec spec : specs) {
			if (spec.target().matchesApi(apiPath)) {
				Fault fault = spec.tryConsume();
				if (fault != null) {
					cleanUp(spec);
					return fault;
				}
			}
		}
		return null;
	}

	/**
	 * @return the specs that still have uses left
	 */
	public List<FaultSpec> pending() {
		return specs.stream().filter(s -> s.remaining() > 0).toList();
	}

	/** Disarms every fault. */
	public void clear() {
		specs.clear();
	}

	private void cleanUp(FaultSpec spec) {
		if (spec.remaining() == 0) {
			specs.remove(spec);
		}
	}

}
