package io.github.wavestarter.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP proxy on loopback that supports {@code CONNECT} tunnels (what Reactor
 * Netty's HTTP proxy support sends, for http and https targets alike) and plain http
 * requests in absolute form (what the JDK {@code HttpClient} sends for http targets),
 * requires {@code Proxy-Authorization} when credentials are set, and records every
 * target.
 */
public final class LoopbackProxy implements AutoCloseable {

	/**
	 * The target ({@code host:port}) of every accepted request: a {@code CONNECT} tunnel
	 * (Reactor Netty, and the JDK {@code HttpClient} for https), or a forwarded request
	 * in absolute form (the JDK {@code HttpClient} for plain http).
	 */
	public final List<String> targets = new CopyOnWriteArrayList<>();

	/** Every request line received, accepted or not. */
	public final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final ServerSocket serverSocket;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "loopback-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final String expectedAuthorization;

	private volatile boolean closed;

	public LoopbackProxy(String username, String password) throws IOException {
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.expectedAuthorization = (username != null) ? "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))
				: null;
		this.executor.execute(this::acceptLoop);
	}

	public int port() {
		return this.serverSocket.getLocalPort();
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket client = this.serverSocket.accept();
				this.executor.execute(() -> handle(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			String head = readHead(in);
			String[] lines = head.split("\r\n");
			String requestLine = lines[0];
			this.requestLines.add(requestLine);
			String authorization = null;
			for (String line : lines) {
				if (line.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)) {
					authorization = line.substring(20).trim();
				}
			}
			OutputStream out = client.getOutputStream();
			String[] parts = requestLine.split(" ");
			boolean connect = parts[0].equals("CONNECT");
			if (!connect && !parts[1].startsWith("http://")) {
				out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes());
				return;
			}
			if (this.expectedAuthorization != null && !this.expectedAuthorization.equals(authorization)) {
				out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"t\"\r\n"
						+ "Content-Length: 0\r\n\r\n")
					.getBytes());
				return;
			}
			URI absolute = connect ? null : URI.create(parts[1]);
			String target = connect ? parts[1]
					: absolute.getHost() + ":" + ((absolute.getPort() != -1) ? absolute.getPort() : 80);
			int colon = target.lastIndexOf(':');
			try (Socket upstream = new Socket(target.substring(0, colon),
					Integer.parseInt(target.substring(colon + 1)))) {
				this.targets.add(target);
				if (connect) {
					out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes());
					out.flush();
				}
				else {
					upstream.getOutputStream().write(originForm(absolute, parts, lines));
				}
				this.executor.execute(() -> pipe(upstream, client));
				pipe(client, upstream);
			}
		}
		catch (IOException ex) {
			// connection closed
		}
	}

	/**
	 * The head of a forwarded request, in origin form, without the proxy's headers, and
	 * with {@code Connection: close}: the next request on the client's connection may be
	 * for another host.
	 */
	private static byte[] originForm(URI absolute, String[] requestLine, String[] lines) {
		StringBuilder head = new StringBuilder();
		String path = (absolute.getRawPath() != null && !absolute.getRawPath().isEmpty()) ? absolute.getRawPath() : "/";
		String query = (absolute.getRawQuery() != null) ? "?" + absolute.getRawQuery() : "";
		head.append(requestLine[0]).append(' ').append(path).append(query).append(' ').append(requestLine[2]);
		head.append("\r\n");
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i];
			if (line.isEmpty() || line.regionMatches(true, 0, "Proxy-", 0, 6)
					|| line.regionMatches(true, 0, "Connection:", 0, 11)) {
				continue;
			}
			head.append(line).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		return head.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static void pipe(Socket from, Socket to) {
		try {
			from.getInputStream().transferTo(to.getOutputStream());
		}
		catch (IOException ex) {
			// closed
		}
		finally {
			try {
				to.shutdownOutput();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while (matched < 4 && (b = in.read()) != -1) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.serverSocket.close();
		this.executor.shutdownNow();
	}

}
