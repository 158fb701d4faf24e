package io.github.wavestarter.blue;

import java.util.function.BiFunction;

import org.reactivestreams.Publisher;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.web.reactive.function.client.WebClient;

/** A Reactor Netty HTTP server on 127.0.0.1 with a random port, for tests. */
final class Loopback implements AutoCloseable {

	private final DisposableServer server;

	private Loopback(DisposableServer server) {
		this.server = server;
	}

	static Loopback start(
			BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ? extends Publisher<Void>> handler) {
		return new Loopback(HttpServer.create().host("127.0.0.1").port(0).handle(handler).bindNow());
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	WebClient client() {
		return WebClient.builder().baseUrl(baseUrl()).build();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
