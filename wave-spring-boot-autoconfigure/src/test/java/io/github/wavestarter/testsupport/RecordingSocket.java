package io.github.wavestarter.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP server that answers nothing and counts what it is sent: the connections
 * and every byte. As the target of a redirect, it shows whether a client sent anything
 * there (an HTTP request, headers, a body) at all.
 */
public final class RecordingSocket implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicLong bytes = new AtomicLong();

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "recording-socket");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean closed;

	public RecordingSocket() throws IOException {
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.executor.execute(this::acceptLoop);
	}

	public int port() {
		return this.serverSocket.getLocalPort();
	}

	/** An http URL on this socket. */
	public String url(String pathAndQuery) {
		return "http://127.0.0.1:" + port() + pathAndQuery;
	}

	/** Connections accepted so far. */
	public int connections() {
		return this.connections.get();
	}

	/** Bytes received so far, on all connections. */
	public long bytesReceived() {
		return this.bytes.get();
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket client = this.serverSocket.accept();
				this.connections.incrementAndGet();
				this.executor.execute(() -> drain(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void drain(Socket client) {
		try (client; InputStream in = client.getInputStream()) {
			client.setSoTimeout(5000);
			byte[] buffer = new byte[4096];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				this.bytes.addAndGet(read);
			}
		}
		catch (IOException ex) {
			// closed by the peer or timed out: what was read is counted
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.serverSocket.close();
		this.executor.shutdownNow();
	}

}
