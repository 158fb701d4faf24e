package io.github.wavestarter.blue;

import java.time.Duration;

/**
 * A long-running Blue API operation was not done within the time
 * {@link BlueOperations#await(io.github.wavestarter.blue.api.Operation, Duration)} was
 * given. The operation itself goes on at Alphaus: {@link #getOperationName()} can be
 * polled again later.
 */
public class BlueOperationTimeoutException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String operationName;

	private final Duration timeout;

	private final int polls;

	/**
	 * Create a new instance.
	 * @param operationName the name of the operation
	 * @param timeout the time the caller waited
	 * @param polls how many times {@code GET /ops/v1/{name}} was called
	 */
	public BlueOperationTimeoutException(String operationName, Duration timeout, int polls) {
		super("Blue API operation " + operationName + " was not done within " + timeout + " (" + polls
				+ " polls of GET /ops/v1/{name}); it may still complete at Alphaus");
		this.operationName = operationName;
		this.timeout = timeout;
		this.polls = polls;
	}

	/**
	 * @return the name of the operation
	 */
	public String getOperationName() {
		return this.operationName;
	}

	/**
	 * @return the time the caller waited
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * @return how many times the operation was polled
	 */
	public int getPolls() {
		return this.polls;
	}

}
