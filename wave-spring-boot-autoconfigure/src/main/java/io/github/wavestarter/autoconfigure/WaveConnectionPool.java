package io.github.wavestarter.autoconfigure;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.context.SmartLifecycle;

/**
 * The Wave starter's own connection pool, shared by the token endpoint client and
 * {@code waveWebClient}, closed when the application stops.
 * <p>
 * It stops in a phase above Spring's {@code ReactorResourceFactory} (phase 0), so every
 * Wave connection is closed while the event loops still run. Reactor Netty disposes its
 * global loops and its global pool at the same time; with
 * {@code spring.reactor.netty.shutdown-quiet-period=0s} a loop can terminate before the
 * close of a pooled connection has run, and the context close then fails or waits
 * forever. The close here is asynchronous and bounded by {@link #CLOSE_TIMEOUT}.
 */
final class WaveConnectionPool implements SmartLifecycle {

	/** Just above Spring's {@code ReactorResourceFactory}, below web servers. */
	static final int PHASE = 1;

	/** The longest wait for the pool's connections to close. */
	static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(WaveConnectionPool.class);

	private final ConnectionProvider connections = ConnectionProvider.create("wave");

	private final @Nullable LoopResources loops;

	private volatile boolean running = true;

	/**
	 * A pool on the given event loops.
	 * @param loops the application's event loops, or {@code null} for Reactor Netty's
	 * global ones
	 */
	WaveConnectionPool(@Nullable LoopResources loops) {
		this.loops = loops;
	}

	ConnectionProvider connections() {
		return this.connections;
	}

	@Nullable LoopResources loops() {
		return this.loops;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		close().block(CLOSE_TIMEOUT.plusSeconds(1));
	}

	@Override
	public void stop(Runnable callback) {
		close().doFinally((signal) -> callback.run()).subscribe();
	}

	private Mono<Void> close() {
		this.running = false;
		return this.connections.disposeLater()
			.timeout(CLOSE_TIMEOUT)
			.doOnError((ex) -> logger
				.warn("The Wave connection pool did not close cleanly within " + CLOSE_TIMEOUT.toSeconds() + " s ("
						+ ex.getClass().getSimpleName() + "); continuing the shutdown"))
			.onErrorComplete();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
