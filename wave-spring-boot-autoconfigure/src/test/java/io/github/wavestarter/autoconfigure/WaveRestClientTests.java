package io.github.wavestarter.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wavestarter.blue.BlueApiException;
import io.github.wavestarter.blue.GrpcCode;
import io.github.wavestarter.client.AmbiguousRequestPathException;
import io.github.wavestarter.client.WaveRestClientCustomizer;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveTokenException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code waveRestClient}, the blocking twin of {@code waveWebClient}, against the
 * emulator on loopback: one token for both clients, the bearer only under the base URL,
 * the replay after a 401, Blue API errors, customizers and back-off.
 */
@MockWaveServerTest
class WaveRestClientTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private final MockWaveServer server;

	private final ApplicationContextRunner runner;

	WaveRestClientTests(MockWaveServer server) {
		this.server = server;
		this.runner = WaveContexts.plainForServer(server);
	}

	@Test
	void callsTheBlueApiWithTheTokenThatWaveWebClientUsesToo() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			String me = rest(context).get().uri("/iam/v1/whoami").retrieve().body(String.class);
			assertThat(me).contains(MockWaveServer.DEFAULT_CLIENT_ID);
			String again = web(context).get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block(BLOCK);
			assertThat(again).isEqualTo(me);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(this.server.journal().apiRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.hasAuthorization()).isTrue());
		});
	}

	@Test
	void aRedirectIsNotFollowedWithTheToken() {
		this.runner.run((context) -> {
			this.server.faults()
				.api()
				.failNext(1)
				.withStatus(307)
				.withHeader("Location", this.server.rootUrl() + "/foreign/x");
			int status = rest(context).get()
				.uri("/iam/v1/whoami")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value();
			assertThat(status).isEqualTo(307);
			assertThat(this.server.journal().strayRequests()).isEmpty();
		});
	}

	@Test
	void aRejectedTokenIsDroppedAndTheCallReplayedOnce() {
		this.runner.run((context) -> {
			RestClient client = rest(context);
			client.get().uri("/iam/v1/whoami").retrieve().toBodilessEntity();
			this.server.tokens().revokeAll();
			String me = client.get().uri("/iam/v1/whoami").retrieve().body(String.class);
			assertThat(me).contains(MockWaveServer.DEFAULT_CLIENT_ID);
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(2);
			assertThat(this.server.journal().apiRequests()).hasSize(3);
		});
	}

	@Test
	void aSecond401GoesToTheCallerAsABlueApiException() {
		this.runner.run((context) -> {
			this.server.faults().api().failNext(2).withStatus(401);
			assertThatExceptionOfType(BlueApiException.class)
				.isThrownBy(() -> rest(context).get().uri("/iam/v1/whoami").retrieve().body(String.class))
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
			assertThat(this.server.journal().apiRequests()).hasSize(2);
		});
	}

	@Test
	void errorAnswersAreBlueApiExceptionsWithTheirGrpcCode() {
		this.runner.run((context) -> assertThatExceptionOfType(BlueApiException.class)
			.isThrownBy(() -> rest(context).get().uri("/iam/v1/nothing-here").retrieve().body(String.class))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(404);
				assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.NOT_FOUND);
				assertThat(ex.getMessage()).contains("GET").doesNotContain("Bearer");
			}));
	}

	@Test
	void anotherHostGetsNoToken() {
		try (MockWaveServer other = MockWaveServer.start()) {
			this.runner.run((context) -> {
				assertThatExceptionOfType(BlueApiException.class).isThrownBy(
						() -> rest(context).get().uri(other.baseUrl() + "/iam/v1/whoami").retrieve().toBodilessEntity())
					.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
				assertThat(other.journal().strayRequests()).isEmpty();
				assertThat(other.journal().apiRequests()).singleElement()
					.satisfies((request) -> assertThat(request.hasAuthorization()).isFalse());
				assertThat(this.server.journal().tokenRequestCount()).isZero();
			});
		}
	}

	@Test
	void anAmbiguousPathIsRefusedBeforeItIsSent() {
		this.runner.run((context) -> {
			assertThatExceptionOfType(AmbiguousRequestPathException.class).isThrownBy(() -> rest(context).get()
				.uri(this.server.baseUrl() + "/..%2f..%2fother")
				.retrieve()
				.toBodilessEntity());
			assertThat(this.server.journal().apiRequests()).isEmpty();
			assertThat(this.server.journal().strayRequests()).isEmpty();
		});
	}

	@Test
	void aFailedTokenRequestFailsTheCallAndTheNextCallTriesAgain() {
		this.runner.withPropertyValues("wave.token.max-attempts=1").run((context) -> {
			this.server.faults().token().failNext(1).withStatus(503);
			assertThatExceptionOfType(WaveTokenException.class)
				.isThrownBy(() -> rest(context).get().uri("/iam/v1/whoami").retrieve().body(String.class));
			assertThat(rest(context).get().uri("/iam/v1/whoami").retrieve().body(String.class))
				.contains(MockWaveServer.DEFAULT_CLIENT_ID);
		});
	}

	@Test
	void manyThreadsAndVirtualThreadsShareOneToken() {
		this.runner.run((context) -> {
			RestClient client = rest(context);
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				calls.add(() -> client.get().uri("/iam/v1/whoami").retrieve().body(String.class));
			}
			List<ExecutorService> executors = new ArrayList<>(List.of(Executors.newFixedThreadPool(16)));
			ExecutorService virtual = virtualThreads();
			if (virtual != null) {
				executors.add(virtual);
			}
			for (ExecutorService executor : executors) {
				try {
					for (Future<String> result : executor.invokeAll(calls, 30, TimeUnit.SECONDS)) {
						assertThat(result.get()).contains(MockWaveServer.DEFAULT_CLIENT_ID);
					}
				}
				finally {
					executor.shutdownNow();
				}
			}
			assertThat(this.server.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(this.server.journal().apiRequests()).hasSize(64 * executors.size());
		});
	}

	/** Virtual threads where the JVM has them (Java 21 and later), else {@code null}. */
	private static ExecutorService virtualThreads() {
		try {
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	@Test
	void customizersApplyToWaveRestClientOnly() {
		AtomicInteger intercepted = new AtomicInteger();
		this.runner.withBean(WaveRestClientCustomizer.class,
				() -> (builder) -> builder.requestInterceptor((request, body, execution) -> {
					intercepted.incrementAndGet();
					return execution.execute(request, body);
				}))
			.run((context) -> {
				rest(context).get().uri("/iam/v1/whoami").retrieve().toBodilessEntity();
				assertThat(intercepted).hasValue(1);
				context.getBean(RestClient.Builder.class)
					.build()
					.get()
					.uri(this.server.baseUrl() + "/iam/v1/whoami")
					.retrieve()
					.onStatus((status) -> true, (request, response) -> {
					})
					.toBodilessEntity();
				assertThat(intercepted).hasValue(1);
				assertThat(this.server.journal().apiRequests()).hasSize(2);
				assertThat(this.server.journal().apiRequests().get(1).hasAuthorization()).isFalse();
			});
	}

	@Test
	void anApplicationsOwnWaveRestClientWins() {
		this.runner.withUserConfiguration(OwnRestClient.class).run((context) -> {
			assertThat(context).hasSingleBean(RestClient.class);
			assertThat(context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME))
				.isSameAs(context.getBean(OwnRestClient.class).client);
		});
	}

	@Test
	void anApplicationsUnqualifiedRestClientIsInjectedWithoutAmbiguity() {
		this.runner.withUserConfiguration(AppRestClient.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AppRestClient.Consumer.class).client)
				.isSameAs(context.getBean(AppRestClient.class).client);
			assertThat(context.getBean(AppRestClient.Consumer.class).wave)
				.isSameAs(context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME));
		});
	}

	private static RestClient rest(AssertableApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class);
	}

	private static WebClient web(AssertableApplicationContext context) {
		return context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME, WebClient.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRestClient {

		final RestClient client = RestClient.create();

		@Bean
		RestClient waveRestClient() {
			return this.client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AppRestClient {

		final RestClient client = RestClient.create();

		@Bean
		RestClient appRestClient() {
			return this.client;
		}

		@Bean
		Consumer consumer(RestClient client, @Qualifier("waveRestClient") RestClient wave) {
			return new Consumer(client, wave);
		}

		record Consumer(RestClient client, RestClient wave) {

		}

	}

}
