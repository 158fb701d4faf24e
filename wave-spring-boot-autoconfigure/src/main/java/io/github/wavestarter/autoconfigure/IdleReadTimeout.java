package io.github.wavestarter.autoconfigure;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The response timeout of the JDK connector while a body is read: the longest wait for
 * the next bytes, as Reactor Netty's response timeout is. Each blocking read arms an
 * alarm that closes the stream when no byte came in time, which ends the read with an
 * {@link HttpTimeoutException}; a body that keeps flowing is never cut.
 */
final class IdleReadTimeout implements AutoCloseable {

	private final Duration timeout;

	private final ScheduledThreadPoolExecutor alarms;

	IdleReadTimeout(Duration timeout) {
		this.timeout = timeout;
		this.alarms = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "wave-read-timeout");
			thread.setDaemon(true);
			return thread;
		});
		this.alarms.setRemoveOnCancelPolicy(true);
	}

	Duration timeout() {
		return this.timeout;
	}

	/**
	 * Wraps a response body so that each read waits at most the timeout.
	 * @param body the body
	 * @return the guarded body
	 */
	InputStream guard(InputStream body) {
		return new GuardedBody(body, this.alarms, this.timeout);
	}

	HttpTimeoutException timedOut() {
		return new HttpTimeoutException(
				"No response data for " + this.timeout + " (wave.http.response-timeout) while reading the body");
	}

	@Override
	public void close() {
		this.alarms.shutdownNow();
	}

	private final class GuardedBody extends FilterInputStream {

		private final ScheduledExecutorService alarms;

		private final long timeoutNanos;

		private volatile boolean expired;

		GuardedBody(InputStream body, ScheduledExecutorService alarms, Duration timeout) {
			super(body);
			this.alarms = alarms;
			this.timeoutNanos = timeout.toNanos();
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read == -1) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.expired) {
				throw timedOut();
			}
			ScheduledFuture<?> alarm = this.alarms.schedule(this::expire, this.timeoutNanos, TimeUnit.NANOSECONDS);
			try {
				return super.read(buffer, offset, length);
			}
			catch (IOException ex) {
				if (this.expired) {
					HttpTimeoutException timeout = timedOut();
					timeout.addSuppressed(ex);
					throw timeout;
				}
				throw ex;
			}
			finally {
				alarm.cancel(false);
			}
		}

		private void expire() {
			this.expired = true;
			try {
				this.in.close();
			}
			catch (IOException ex) {
				// the read that waits ends either way
			}
		}

	}

}
