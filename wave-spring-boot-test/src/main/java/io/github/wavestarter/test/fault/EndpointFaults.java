package io.github.wavestarter.test.fault;

/**
 * Entry point of the fluent fault API for one target, obtained from
 * {@link FaultPlan#token()}, {@link FaultPlan#api()} or {@link FaultPlan#api(String)}.
 */
public final class EndpointFaults {

	private final FaultPlan plan;

	private final FaultTarget target;

	/** Creates the entry point for {@code target}, arming faults in {@code plan}. */
	public EndpointFaults(FaultPlan plan, FaultTarget target) {
		this.plan = plan;
		this.target = target;
	}

	/**
	 * Arms a fault for the next {@code times} matching requests; configure it with the
	 * returned spec.
	 */
	public FaultSpec failNext(int times) {
		return plan.arm(target, times);
	}

	/** Arms a fault for the next matching request only. */
	public FaultSpec failNextCall() {
		return failNext(1);
	}

	/**
	 * @return the target of this entry point
	 */
	public FaultTarget target() {
		return target;
	}

}
