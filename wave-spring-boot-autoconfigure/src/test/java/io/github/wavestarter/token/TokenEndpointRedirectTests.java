package io.github.wavestarter.token;

import java.time.Duration;

import io.github.wavestarter.client.WaveTokenEndpointClientCustomizer;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.RecordingSocket;
import io.github.wavestarter.testsupport.WaveContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A token endpoint that redirects never gets the credentials sent anywhere else: the 3xx
 * is a {@code token_endpoint_redirect} failure, whether the connector would follow it or
 * not, and the redirect target receives nothing, not even a request line.
 */
class TokenEndpointRedirectTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final String PASSWORD = "Redirect-Passw0rd-Value";

	private MockWaveServer server;

	private RecordingSocket target;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() throws Exception {
		this.server = MockWaveServer.builder().user("alice@example.com", PASSWORD).start();
		this.target = new RecordingSocket();
		this.runner = WaveContexts.plainForServer(this.server).withPropertyValues("wave.token.retry-backoff=10ms");
	}

	@AfterEach
	void stop() throws Exception {
		this.target.close();
		this.server.close();
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 302, 303, 307, 308 })
	void redirectIsAFailureAndTheTargetReceivesNothing(int status) {
		this.server.faults().token().failNext(1).withRedirect(status, this.target.url("/steal/path?secret=query"));
		this.runner.run((context) -> {
			expectRedirectFailure(context);
			assertThat(this.server.journal().tokenRequestCount()).as("not retried").isEqualTo(1);
			assertTargetReceivedNothing();
			assertThat(tokens(context).getAccessToken().block(BLOCK)).as("the next call recovers").isNotNull();
		});
	}

	@Test
	void passwordGrantCredentialsAreNotSentToTheTarget() {
		this.server.faults().token().failNext(1).withRedirect(307, this.target.url("/collect"));
		this.runner
			.withPropertyValues("wave.grant-type=password", "wave.username=alice@example.com",
					"wave.password=" + PASSWORD)
			.run((context) -> {
				WaveTokenException failure = expectRedirectFailure(context);
				assertThat(failure.getMessage()).doesNotContain(PASSWORD).doesNotContain("alice");
				assertTargetReceivedNothing();
				assertThat(this.server.journal().tokenRequests()).singleElement()
					.satisfies((request) -> assertThat(request.parts()).containsEntry("password", PASSWORD));
			});
	}

	@Test
	void followingRedirectsInSpringHttpClientSettingsDoesNotApply() {
		this.server.faults().token().failNext(1).withRedirect(308, this.target.url("/collect"));
		this.runner.withPropertyValues("spring.http.clients.redirects=follow").run((context) -> {
			expectRedirectFailure(context);
			assertTargetReceivedNothing();
		});
	}

	@Test
	void redirectToAnotherTokenEndpointSendsItNoRequest() {
		try (MockWaveServer other = MockWaveServer.start()) {
			this.server.faults().token().failNext(1).withRedirect(307, other.tokenUri());
			this.runner.run((context) -> {
				expectRedirectFailure(context);
				settle();
				assertThat(other.journal().tokenRequestCount()).isZero();
				assertThat(other.journal().apiRequestCount()).isZero();
				assertThat(other.journal().strayRequests()).isEmpty();
			});
		}
	}

	@Test
	void connectorThatDoesNotFollowReportsTheStatusAndTheTargetHost() {
		this.server.faults().token().failNext(1).withRedirect(307, this.target.url("/steal?x=1"));
		this.runner.withBean(WaveTokenEndpointClientCustomizer.class, () -> connector(false)).run((context) -> {
			WaveTokenException failure = expectRedirectFailure(context);
			assertThat(failure.getHttpStatus()).isEqualTo(307);
			assertThat(failure.getMessage()).contains("with a redirect to http://127.0.0.1;");
			assertTargetReceivedNothing();
			assertThat(this.target.connections()).isZero();
		});
	}

	@Test
	void connectorThatFollowsIsStoppedBeforeAnythingIsSent() {
		this.server.faults().token().failNext(1).withRedirect(307, this.target.url("/steal?x=1"));
		this.runner.withBean(WaveTokenEndpointClientCustomizer.class, () -> connector(true)).run((context) -> {
			WaveTokenException failure = expectRedirectFailure(context);
			assertThat(failure.getHttpStatus()).isZero();
			assertThat(failure.getMessage())
				.contains("followed to http://127.0.0.1 (stopped before anything was sent)");
			assertTargetReceivedNothing();
		});
	}

	@Test
	void relativeRedirectBackToTheSameHostIsNotFollowedEither() {
		this.server.faults().token().failNext(1).withRedirect(302, "/other/access_token");
		this.runner.withBean(WaveTokenEndpointClientCustomizer.class, () -> connector(true)).run((context) -> {
			WaveTokenException failure = expectRedirectFailure(context);
			assertThat(failure.getMessage()).contains("http://127.0.0.1");
			settle();
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(this.server.journal().strayRequests()).isEmpty();
		});
	}

	@Test
	void redirectWithoutLocationSaysSo() {
		this.server.faults().token().failNext(1).withResponse(302, "", "text/plain");
		this.runner.run((context) -> {
			WaveTokenException failure = expectRedirectFailure(context, "nowhere (no Location header)");
			assertThat(failure.getHttpStatus()).isEqualTo(302);
		});
	}

	private WaveTokenException expectRedirectFailure(AssertableApplicationContext context) {
		return expectRedirectFailure(context, "http://127.0.0.1");
	}

	private WaveTokenException expectRedirectFailure(AssertableApplicationContext context, String target) {
		assertThat(context).hasNotFailed();
		WaveTokenException[] caught = new WaveTokenException[1];
		assertThatExceptionOfType(WaveTokenException.class)
			.isThrownBy(() -> tokens(context).getAccessToken().block(BLOCK))
			.satisfies((failure) -> {
				caught[0] = failure;
				assertThat(failure.getErrorCode()).isEqualTo(WaveTokenException.TOKEN_ENDPOINT_REDIRECT);
				assertThat(failure.isTransient()).isFalse();
				assertThat(failure.getHttpStatus()).isIn(0, 301, 302, 303, 307, 308);
				assertThat(failure.getMessage()).contains(target)
					.contains("wave.token-uri")
					.doesNotContain("steal")
					.doesNotContain("collect")
					.doesNotContain("secret=query")
					.doesNotContain(":" + this.target.port())
					.doesNotContain(this.server.clientSecret());
			});
		return caught[0];
	}

	private void assertTargetReceivedNothing() {
		settle();
		assertThat(this.target.bytesReceived()).as("bytes sent to the redirect target").isZero();
	}

	/**
	 * Gives bytes in flight to the target time to arrive before asserting there were
	 * none.
	 */
	private static void settle() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static WaveAccessTokenProvider tokens(AssertableApplicationContext context) {
		return context.getBean(WaveAccessTokenProvider.class);
	}

	private static WaveTokenEndpointClientCustomizer connector(boolean followRedirects) {
		HttpClient client = HttpClient.create(ConnectionProvider.newConnection()).followRedirect(followRedirects);
		return (builder) -> builder.clientConnector(new ReactorClientHttpConnector(client));
	}

}
