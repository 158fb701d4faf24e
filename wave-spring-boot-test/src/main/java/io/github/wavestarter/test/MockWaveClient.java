package io.github.wavestarter.test;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an extra API client of the emulator in {@code @EnableMockWave(clients = ...)}
 * or {@code @MockWaveServerTest(clients = ...)}; read into a {@link MockApiClient}:
 *
 * <pre class="code">
 * &#064;EnableMockWave(clients = &#064;MockWaveClient(name = "acme", clientId = "acme-id", clientSecret = "acme-secret"))
 * </pre>
 *
 * A named client gets the properties {@code <prefix>.clients.<name>.client-id} and
 * {@code <prefix>.clients.<name>.client-secret} (see
 * {@link MockWaveServer#springProperties(String, boolean)}).
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MockWaveClient {

	/**
	 * Name of the client in the Spring properties (letters, digits and {@code -}); empty
	 * for a client without properties.
	 */
	String name() default "";

	/** Client id, unique among the clients of the emulator. */
	String clientId();

	/** Client secret. */
	String clientSecret();

	/** User name of this client's password grant; empty for none. */
	String username() default "";

	/** Password of that user; empty exactly when {@link #username()} is. */
	String password() default "";

}
