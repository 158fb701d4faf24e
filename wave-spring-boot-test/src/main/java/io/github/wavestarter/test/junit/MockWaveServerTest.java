package io.github.wavestarter.test.junit;

import io.github.wavestarter.test.MockWaveClient;
import io.github.wavestarter.test.MockWaveServer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link MockWaveServer} per test class (shared with its {@code @Nested}
 * classes), injects it into constructor, lifecycle and test method parameters of type
 * {@code MockWaveServer}, resets it after each test and closes it after the class.
 *
 * <pre class="code">
 * &#064;MockWaveServerTest
 * class MyClientTests {
 *     &#064;Test
 *     void readsAccounts(MockWaveServer wave) {
 *         MyClient client = new MyClient(wave.tokenUri(), wave.baseUrl(), wave.clientId(), wave.clientSecret());
 *         ...
 *     }
 * }
 * </pre>
 *
 * The attributes are those of {@code @EnableMockWave}, read into one
 * {@link io.github.wavestarter.test.MockWaveSettings}. For Spring tests use
 * {@code @EnableMockWave} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MockWaveServerExtension.class)
public @interface MockWaveServerTest {

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

	/** Call {@link MockWaveServer#reset()} after each test method. */
	boolean resetAfterEach() default true;

	/**
	 * Extra API clients besides the default one, e.g.
	 * {@code @MockWaveClient(clientId = "acme-id", clientSecret = "acme-secret")}: the
	 * token endpoint knows them and their tokens are bound to them.
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
