package io.github.wavestarter.test.internal;

import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
import io.github.wavestarter.test.journal.RequestJournal;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** Dispatches requests to the token endpoint or the Blue API. Internal API. */
public final class WaveRouter {

	private static final System.Logger LOG = System.getLogger(WaveRouter.class.getName());

	/**
	 * Path of the Wave token endpoint ({@code https://login.alphaus.cloud/access_token}).
	 */
	public static final String TOKEN_PATH = RecordedTokenRequest.WAVE_PATH;

	/**
	 * Path of the Ripple token endpoint
	 * ({@code https://login.alphaus.cloud/ripple/access_token}).
	 */
	public static final String RIPPLE_TOKEN_PATH = RecordedTokenRequest.RIPPLE_PATH;

	/** Path prefix of the Blue API; every {@link BlueService} is served below it. */
	public static final String API_BASE_PATH = "/m/blue";

	private final TokenEndpoint tokenEndpoint;

	private final BlueApi blueApi;

	private final ResponseWriter writer;

	private final RequestJournal journal;

	private final Clock clock;

	public WaveRouter(TokenEndpoint tokenEndpoint, BlueApi blueApi, ResponseWriter writer, RequestJournal journal,
			Clock clock) {
		this.tokenEndpoint = tokenEndpoint;
		this.blueApi = blueApi;
		this.writer = writer;
		this.journal = journal;
		this.clock = clock;
	}

	/** Entry point for Reactor Netty's {@code HttpServer.handle}. */
	public Mono<Void> route(HttpServerRequest req, HttpServerResponse res) {
		QueryStringDecoder uri = new QueryStringDecoder(req.uri());
		String path = uri.rawPath();
		LOG.log(Level.DEBUG, () -> req.method() + " " + path);
		Mono<Void> handling;
		if (path.equals(TOKEN_PATH) || path.equals(RIPPLE_TOKEN_PATH)) {
			handling = tokenEndpoint.handle(req, res, path);
		}
		else if (path.startsWith(API_BASE_PATH + "/")) {
			handling = blueApi.handle(req, res, path.substring(API_BASE_PATH.length()), uri.rawQuery());
		}
		else {
			String authorization = req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
			handling = req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
				journal.recordStray(RecordedApiRequest.of(clock.instant(), req.method().name(), path, uri.rawQuery(),
						false, body, authorization));
				return writer.write(res, GrpcStatus.error(GrpcStatus.NOT_FOUND, "Not Found"));
			});
		}
		return handling.onErrorResume(e -> {
			LOG.log(Level.WARNING, "MockWaveServer failed to answer " + req.method() + " " + path + ": "
					+ e.getClass().getSimpleName());
			return Mono.empty();
		});
	}

}
