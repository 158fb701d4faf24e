package io.github.wavestarter.test.spring;

import io.github.wavestarter.test.MockWaveClient;
import io.github.wavestarter.test.MockWaveServer;
import io.github.wavestarter.test.MockWaveSettings;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the application context of a Spring test against a {@link MockWaveServer}:
 *
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;EnableMockWave
 * class CostReportTests {
 *     &#064;Autowired MockWaveServer wave;
 *     &#064;Autowired CostReportService service;
 *     &#064;Test
 *     void readsCosts() {
 *         assertThat(service.thisMonth()).isNotEmpty();
 *         assertThat(wave.journal().apiRequestCount()).isEqualTo(1);
 *     }
 * }
 * </pre>
 *
 * A server is started for each application context, registered as singleton bean
 * {@code mockWaveServer}, and closed when the context closes (or at JVM exit). Test
 * classes with equal settings (see {@link MockWaveSettings}) and otherwise equal
 * configuration share Spring's cached context and so one server; with
 * {@link #resetAfterEach()} it is reset after every test method, so no journal, fault,
 * stub or runtime setting leaks from one test into the next. These properties are added
 * with the highest precedence ({@code <prefix>} defaults to {@code wave}):
 * {@code <prefix>.token-uri}, {@code <prefix>.base-url}, {@code <prefix>.client-id},
 * {@code <prefix>.client-secret}, and, if {@link #userProperties()},
 * {@code <prefix>.username} and {@code <prefix>.password}, then for each named
 * {@linkplain #clients() extra client} {@code <prefix>.clients.<name>.client-id} and
 * {@code <prefix>.clients.<name>.client-secret}
 * ({@link MockWaveServer#springProperties(String, boolean)}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EnableMockWave {

	/** Accepted client id. */
	String clientId() default MockWaveServer.DEFAULT_CLIENT_ID;

	/** Accepted client secret. */
	String clientSecret() default MockWaveServer.DEFAULT_CLIENT_SECRET;

	/** User name for the password grant. */
	String username() default MockWaveServer.DEFAULT_USERNAME;

	/** Password for the password grant. */
	String password() default MockWaveServer.DEFAULT_PASSWORD;

	/** {@code expires_in} of issued tokens in seconds; enforced when &gt; 0. */
	long tokenExpiresInSeconds() default MockWaveServer.DEFAULT_EXPIRES_IN_SECONDS;

	/** Also accept {@code application/x-www-form-urlencoded} token requests. */
	boolean lenientFormEncoding() default false;

	/** Support the {@code refresh_token} grant. */
	boolean refreshTokenGrant() default true;

	/**
	 * Emulate a Ripple API client: its token endpoint is {@code /ripple/access_token}
	 * (the Wave endpoint does not know it).
	 */
	boolean ripple() default false;

	/** Prefix of the properties pointing at the emulator. */
	String propertyPrefix() default "wave";

	/**
	 * Also set {@code <prefix>.username} and {@code <prefix>.password} (selects the
	 * password grant in clients).
	 */
	boolean userProperties() default true;

	/**
	 * Call {@link MockWaveServer#reset()} after each test method (journal, counters,
	 * faults, stubs, runtime settings).
	 */
	boolean resetAfterEach() default true;

	/**
	 * Extra API clients besides the default one, e.g.
	 * {@code @MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "acme-secret")}:
	 * the token endpoint knows them, their tokens are bound to them, and each named one
	 * gets {@code <prefix>.clients.<name>.client-id} and
	 * {@code <prefix>.clients.<name>.client-secret} (with its user, if it has one and
	 * {@link #userProperties()} is set). Test classes with different clients do not share
	 * a context.
	 */
	MockWaveClient[] clients() default {};

	/**
	 * Rate limit of the Blue API in requests per second per client, e.g. {@code 100} as
	 * Alphaus documents; {@code 0} (the default) for none. Requests over it are answered
	 * {@code 429} with {@code Retry-After} (see
	 * {@link MockWaveServer.Builder#rateLimit(int)}).
	 */
	int rateLimit() default 0;

}
