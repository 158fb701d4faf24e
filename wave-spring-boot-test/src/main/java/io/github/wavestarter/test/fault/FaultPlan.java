package io.github.wavestarter.test.fault;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The faults of an emulator, {@code MockWaveServer.faults()}: a thread-safe, ordered
 * collection of armed {@link FaultSpec}s. The first armed spec (in arming order) that
 * matches a request and still has uses left is consumed by it.
 *
 * <pre>{@code
 * server.faults().token().failNext(2).withStatus(503).withRetryAfter(1);
 * server.faults().api("/cost/v1/aws/costs:read").failNextCall().withDroppedConnection();
 * }</pre>
 */
public final class FaultPlan {

	private final List<FaultSpec> specs = new CopyOnWriteArrayList<>();

	private final Consumer<String> apiPathCheck;

	/** Creates an empty plan that accepts any API path template. */
	public FaultPlan() {
		this(path -> {
		});
	}

	/**
	 * Creates an empty plan.
	 * @param apiPathCheck throws {@link IllegalArgumentException} for an API path
	 * template no Blue API service serves
	 */
	public FaultPlan(Consumer<String> apiPathCheck) {
		this.apiPathCheck = Objects.requireNonNull(apiPathCheck, "apiPathCheck");
	}

	/**
	 * @return fault injection for the token endpoint, e.g.
	 * {@code token().failNext(2).withStatus(503)}
	 */
	public EndpointFaults token() {
		return new EndpointFaults(this, FaultTarget.token());
	}

	/**
	 * @return fault injection for every Blue API call
	 */
	public EndpointFaults api() {
		return new EndpointFaults(this, FaultTarget.allApi());
	}

	/**
	 * @param pathTemplate API path relative to {@code /m/blue}, starting with the service
	 * base, e.g. {@code /cost/v1/aws/costs:read} or
	 * {@code /cost/v1/{vendor}/accounts/{id}}
	 * @return fault injection for that path (any method)
	 * @throws IllegalArgumentException if no Blue API service serves the path
	 */
	public EndpointFaults api(String pathTemplate) {
		FaultTarget target = FaultTarget.apiPath(pathTemplate);
		apiPathCheck.accept(target.pathTemplate());
		return new EndpointFaults(this, target);
	}

	/**
	 * Arms a new fault for the next {@code times} requests matching {@code target}; same
	 * as the fluent entry points {@link #token()} and {@link #api(String)}.
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
