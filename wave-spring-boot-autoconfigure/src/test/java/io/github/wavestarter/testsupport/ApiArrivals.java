package io.github.wavestarter.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.journal.RecordedApiRequest;

/**
 * When the emulator received the Blue API calls of a test, in order: how far apart they
 * reached it shows how the client paced or held them.
 *
 * @param times the arrival times, earliest first
 */
public record ApiArrivals(List<Instant> times) {

	/**
	 * The arrivals the emulator's journal holds.
	 * @param server the emulator
	 * @return its arrivals, earliest first
	 */
	public static ApiArrivals of(MockWaveServer server) {
		return new ApiArrivals(
				server.journal().apiRequests().stream().map(RecordedApiRequest::receivedAt).sorted().toList());
	}

	/** How many calls arrived. */
	public int count() {
		return this.times.size();
	}

	/** The time from the first arrival to the last. */
	public Duration span() {
		return this.times.isEmpty() ? Duration.ZERO
				: Duration.between(this.times.get(0), this.times.get(this.times.size() - 1));
	}

}
