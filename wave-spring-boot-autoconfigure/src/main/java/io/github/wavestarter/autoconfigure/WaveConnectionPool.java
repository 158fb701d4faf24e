package io.github.wavestarter.autoconfigure;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.ReactorNetty;
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
 * <p>
 * Its size is made for the Blue API rather than taken from
 * {@code ConnectionProvider.create(name)} ({@code 2 × max(cores, 8)} connections per
 * host, 16 on a small machine, and 500 calls waiting, the next one failing at once): up
 * to {@value #MAX_CONNECTIONS} connections per host, unless the application sets
 * {@code reactor.netty.pool.maxConnections}, and any number of calls waiting for a
 * connection, each for at most {@code reactor.netty.pool.acquireTimeout} (45 s). With 16
 * connections, slow calls (long cost reads) would go 16 at a time, far below the 100
 * calls per second the API and the starter's rate limit allow, and a batch of them would
 * fill the queue; the JDK {@code HttpClient} has no such limit.
 */
final class WaveConnectionPool implements SmartLifecycle {

	/** Just above Spring's {@code ReactorResourceFactory}, below web servers. */
	static final int PHASE = 1;

	/** The longest wait for the pool's connections to close. */
	static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The most connections per host, unless {@code reactor.netty.pool.maxConnections} is
	 * set.
	 */
	static final int MAX_CONNECTIONS = 500;

	private static final Log logger = LogFactory.getLog(WaveConnectionPool.class);

	private final ConnectionProvider connections = ConnectionProvider.builder("wave")
		.maxConnections(maxConnections())
		.pendingAcquireMaxCount(-1)
		.build();

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

	private static int maxConnections() {
		return (System.getProperty(ReactorNetty.POOL_MAX_CONNECTIONS) != null)
				? ConnectionProvider.DEFAULT_POOL_MAX_CONNECTIONS : MAX_CONNECTIONS;
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
