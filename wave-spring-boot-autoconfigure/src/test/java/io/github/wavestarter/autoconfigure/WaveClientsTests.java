package io.github.wavestarter.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.wavestarter.autoconfigure.blue.WaveBlueApiAutoConfiguration;
import io.github.wavestarter.blue.api.ApiUser;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.client.WaveClients;
import io.github.wavestarter.client.WaveCredentials;
import io.github.wavestarter.test.MockApiClient;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.testsupport.WaveContexts;
import io.github.wavestarter.token.WaveTokenManager;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Several clients in one application, against two emulators: the client of {@code wave.*}
 * on one, the named client {@code acme} on the other, each with its own credentials. A
 * token obtained from one emulator is invalid at the other, so every API request that an
 * emulator journals as carrying a valid token proves the token came from the client of
 * that emulator.
 */
class WaveClientsTests {

	private static final Duration BLOCK = Duration.ofSeconds(20);

	private MockWaveServer wave;

	private MockWaveServer acme;

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		this.wave = MockWaveServer.start();
		this.acme = MockWaveServer.builder().clientId("acme-client-id").clientSecret("acme-Secret-1").start();
		this.runner = WaveContexts.plainForServer(this.wave)
			.withConfiguration(AutoConfigurations.of(WaveBlueApiAutoConfiguration.class))
			.withPropertyValues("wave.clients.acme.client-id=" + this.acme.clientId(),
					"wave.clients.acme.client-secret=" + this.acme.clientSecret(),
					"wave.clients.acme.token-uri=" + this.acme.tokenUri(),
					"wave.clients.acme.base-url=" + this.acme.baseUrl());
	}

	@AfterEach
	void stop() {
		this.acme.close();
		this.wave.close();
	}

	@Test
	void eachClientCallsWithItsOwnToken() {
		this.runner.run((context) -> {
			WaveClients clients = context.getBean(WaveClients.class);
			assertThat(clients.names()).containsExactly(WaveClients.DEFAULT, "acme");
			assertThat(whoami(clients, "acme")).contains("acme-client-id");
			assertThat(whoami(clients, WaveClients.DEFAULT)).contains(MockWaveServer.DEFAULT_CLIENT_ID);
			assertThat(clients.restClient("acme").get().uri("/iam/v1/whoami").retrieve().body(String.class))
				.contains("acme-client-id");
			ApiUser me = clients.client("acme", IamApi.class).whoAmI().block(BLOCK);
			assertThat(me).isNotNull();
			assertThat(clients.client("acme", IamApi.class)).isSameAs(clients.client("acme", IamApi.class));
			assertThat(this.acme.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(this.wave.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(this.acme.journal().apiRequests()).hasSize(3)
				.allSatisfy((request) -> assertThat(request.validToken()).isTrue());
			assertThat(this.wave.journal().apiRequests()).singleElement()
				.satisfies((request) -> assertThat(request.validToken()).isTrue());
			assertThat(clients.webClient(WaveClients.DEFAULT))
				.isSameAs(context.getBean(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME));
		});
	}

	@Test
	void tokensNeverCrossClientsUnderConcurrency() throws Exception {
		this.runner.run((context) -> {
			WaveClients clients = context.getBean(WaveClients.class);
			ExecutorService threads = Executors.newFixedThreadPool(16);
			try {
				List<Callable<String>> calls = new ArrayList<>();
				for (int i = 0; i < 200; i++) {
					String name = (i % 2 == 0) ? "acme" : WaveClients.DEFAULT;
					boolean blocking = (i % 4) < 2;
					calls.add(() -> blocking
							? clients.restClient(name).get().uri("/iam/v1/whoami").retrieve().body(String.class)
							: whoami(clients, name));
				}
				List<Future<String>> answers = threads.invokeAll(calls, 60, TimeUnit.SECONDS);
				for (int i = 0; i < answers.size(); i++) {
					String expected = (i % 2 == 0) ? "acme-client-id" : MockWaveServer.DEFAULT_CLIENT_ID;
					assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).contains(expected);
				}
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(this.acme.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(this.wave.journal().tokenRequestCount()).isEqualTo(1);
			assertThat(this.acme.journal().apiRequests()).hasSize(100)
				.allSatisfy((request) -> assertThat(request.validToken()).isTrue());
			assertThat(this.wave.journal().apiRequests()).hasSize(100)
				.allSatisfy((request) -> assertThat(request.validToken()).isTrue());
		});
	}

	@Test
	void aNamedClientTakesEverythingButItsCredentialsFromWave() {
		this.runner
			.withPropertyValues("wave.token.timeout=7s", "wave.http.connect-timeout=3s", "wave.scope=openid",
					"wave.grant-type=password", "wave.username=" + this.wave.username(),
					"wave.password=" + this.wave.password(), "wave.clients.lean.client-id=lean-id",
					"wave.clients.lean.client-secret=lean-Secret-2", "wave.clients.acme.token.timeout=4s")
			.run((context) -> {
				WaveSettings settings = context.getBean(WaveSettings.class);
				WaveSettings lean = settings.clients().get("lean");
				assertThat(lean.baseUrl()).isEqualTo(settings.baseUrl());
				assertThat(lean.token().timeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(lean.http().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(lean.registration().getProviderDetails().getTokenUri()).isEqualTo(this.wave.tokenUri());
				assertThat(lean.registration().getClientId()).isEqualTo("lean-id");
				assertThat(lean.registration().getRegistrationId()).isEqualTo("lean");
				assertThat(lean.registration().getAuthorizationGrantType().getValue())
					.as("the grant goes with the credentials")
					.isEqualTo("client_credentials");
				assertThat(lean.username()).isNull();
				WaveSettings acme = settings.clients().get("acme");
				assertThat(acme.token().timeout()).isEqualTo(Duration.ofSeconds(4));
				assertThat(acme.baseUrl().toString()).isEqualTo(this.acme.baseUrl());
			});
	}

	@Test
	void clientsRegisteredAtRunTimeHaveTheirOwnTokenAndCanBeRemoved() {
		this.runner.run((context) -> {
			WaveClients clients = context.getBean(WaveClients.class);
			clients.register("tenant-1", WaveCredentials.of(this.wave.clientId(), this.wave.clientSecret()));
			assertThat(clients.names()).containsExactly(WaveClients.DEFAULT, "acme", "tenant-1");
			assertThat(whoami(clients, "tenant-1")).contains(MockWaveServer.DEFAULT_CLIENT_ID);
			assertThat(whoami(clients, WaveClients.DEFAULT)).contains(MockWaveServer.DEFAULT_CLIENT_ID);
			assertThat(this.wave.journal().tokenRequestCount()).as("one token per client").isEqualTo(2);
			assertThat(clients.tokens("tenant-1")).isNotSameAs(clients.tokens(WaveClients.DEFAULT));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> clients.register("tenant-1", WaveCredentials.of("x", "y")))
				.withMessageContaining("already registered");
			assertThat(clients.remove("tenant-1")).isTrue();
			assertThat(clients.remove("tenant-1")).isFalse();
			assertThatIllegalArgumentException().isThrownBy(() -> clients.webClient("tenant-1"))
				.withMessageContaining("No Wave client named 'tenant-1'")
				.withMessageContaining("[default, acme]");
			clients.register("tenant-1", WaveCredentials.of(this.wave.clientId(), this.wave.clientSecret()));
			assertThat(whoami(clients, "tenant-1")).contains(MockWaveServer.DEFAULT_CLIENT_ID);
			assertThat(this.wave.journal().tokenRequestCount()).as("the removed client's token is gone").isEqualTo(3);
		});
	}

	@Test
	void namesAreCheckedAndTheConfigurationsClientsStay() {
		this.runner.run((context) -> {
			WaveClients clients = context.getBean(WaveClients.class);
			WaveCredentials credentials = WaveCredentials.of("id", "secret");
			assertThatIllegalArgumentException().isThrownBy(() -> clients.register("a b", credentials))
				.withMessageContaining("letters, digits and '-'");
			assertThatIllegalArgumentException().isThrownBy(() -> clients.register("default", credentials))
				.withMessageContaining("client of wave.*");
			assertThatIllegalArgumentException().isThrownBy(() -> clients.register("acme", credentials))
				.withMessageContaining("already registered");
			assertThatIllegalArgumentException().isThrownBy(() -> clients.remove("acme"))
				.withMessageContaining("configured in wave.clients.*");
			assertThatIllegalArgumentException().isThrownBy(() -> clients.remove("default"));
			assertThat(credentials.toString()).doesNotContain("secret");
		});
	}

	@Test
	void twoHundredColdClientsTimesTenConcurrentCallsMakeTwoHundredTokenRequests() {
		this.runner.run((context) -> {
			WaveClients clients = context.getBean(WaveClients.class);
			for (int i = 0; i < 200; i++) {
				clients.register("tenant-" + i, WaveCredentials.of(this.wave.clientId(), this.wave.clientSecret()));
			}
			// in order of the tenants: each tenant's ten calls are in flight together
			List<String> answers = Flux.range(0, 2000)
				.flatMap((i) -> clients.webClient("tenant-" + (i / 10))
					.get()
					.uri("/iam/v1/whoami")
					.retrieve()
					.bodyToMono(String.class), 250)
				.collectList()
				.block(Duration.ofSeconds(90));
			assertThat(answers).hasSize(2000);
			assertThat(this.wave.journal().tokenRequestCount()).isEqualTo(200);
		});
	}

	@Test
	void aNamedClientsProblemsNameItsOwnPropertiesInTheOneReport() {
		this.runner
			.withPropertyValues("wave.clients.acme.client-secret=", "wave.clients.acme.token.timeout=-2s",
					"wave.clients.bad_name.client-id=x", "wave.http.response-timeout=-1s")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure.getCause() != null && !(failure instanceof InvalidWaveConfigurationException)) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(InvalidWaveConfigurationException.class);
				List<String> properties = ((InvalidWaveConfigurationException) failure).getProblems()
					.stream()
					.map(InvalidWaveConfigurationException.Problem::property)
					.toList();
				assertThat(properties)
					.contains("wave.clients.acme.client-secret", "wave.clients.acme.token.timeout",
							"wave.clients.bad_name", "wave.http.response-timeout")
					.as("a value taken from wave.* is reported once, under its own name")
					.doesNotContain("wave.clients.acme.http.response-timeout");
				assertThat(failure.getMessage()).contains("wave.clients.acme.token.timeout is -2s")
					.doesNotContain(this.acme.clientSecret());
			});
	}

	@Test
	void aNamedClientWithItsCredentialsOnlyUsesTheTokenEndpointAndApiOfWave() {
		try (MockWaveServer server = MockWaveServer.builder()
			.client(MockApiClient.named("lean", "lean-client-id", "lean-Secret-3"))
			.start()) {
			// springProperties() has wave.clients.lean.client-id and .client-secret only
			WaveContexts.forServer(server).run((context) -> {
				WaveClients clients = context.getBean(WaveClients.class);
				assertThat(clients.names()).containsExactly(WaveClients.DEFAULT, "lean");
				assertThat(whoami(clients, "lean")).contains("lean-client-id");
				assertThat(whoami(clients, WaveClients.DEFAULT)).contains(MockWaveServer.DEFAULT_CLIENT_ID);
				assertThat(server.journal().tokenRequestCount("lean-client-id")).isEqualTo(1);
				assertThat(server.journal().tokenRequestCount(MockWaveServer.DEFAULT_CLIENT_ID)).isEqualTo(1);
				assertThat(server.journal().apiRequests("lean-client-id")).singleElement()
					.satisfies((request) -> assertThat(request.validToken()).isTrue());
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("wave.token.acquisition").tag("wave.client", "lean").timer().count())
					.isEqualTo(1);
				assertThat(meters.get("wave.token.acquisition").tag("wave.client", "default").timer().count())
					.isEqualTo(1);
				clients.register("tenant-9", WaveCredentials.of("lean-client-id", "lean-Secret-3"));
				assertThat(whoami(clients, "tenant-9")).contains("lean-client-id");
				assertThat(meters.get("wave.token.acquisition").tag("wave.client", "runtime").timer().count())
					.as("clients registered at run time share one tag value")
					.isEqualTo(1);
			});
		}
	}

	@Test
	void withNamedClientsOnlyThereIsNoDefaultClient() {
		try (MockWaveServer server = MockWaveServer.builder()
			.client(MockApiClient.named("lean", "lean-client-id", "lean-Secret-3"))
			.start()) {
			new ApplicationContextRunner().withConfiguration(WaveContexts.autoConfigurations())
				.withPropertyValues("wave.token-uri=" + server.tokenUri(), "wave.base-url=" + server.baseUrl(),
						"wave.clients.lean.client-id=lean-client-id", "wave.clients.lean.client-secret=lean-Secret-3",
						WaveContexts.FAST_SHUTDOWN)
				.run((context) -> {
					assertThat(context).hasNotFailed().doesNotHaveBean(WaveTokenManager.class);
					WaveClients clients = context.getBean(WaveClients.class);
					assertThat(clients.names()).containsExactly("lean");
					assertThat(whoami(clients, "lean")).contains("lean-client-id");
					assertThatIllegalArgumentException().isThrownBy(() -> clients.webClient(WaveClients.DEFAULT))
						.withMessageContaining("[lean]");
					assertThatIllegalStateException()
						.isThrownBy(() -> context
							.getBean(WaveAutoConfiguration.WAVE_REST_CLIENT_BEAN_NAME, RestClient.class)
							.get()
							.uri("/iam/v1/whoami")
							.retrieve()
							.body(String.class))
						.withMessageContaining("No Wave client is configured with wave.*");
				});
		}
	}

	private static String whoami(WaveClients clients, String name) {
		return clients.webClient(name).get().uri("/iam/v1/whoami").retrieve().bodyToMono(String.class).block(BLOCK);
	}

}
