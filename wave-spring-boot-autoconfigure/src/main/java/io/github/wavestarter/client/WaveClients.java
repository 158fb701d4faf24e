package io.github.wavestarter.client;

import java.util.Set;

import io.github.wavestarter.token.WaveAccessTokenProvider;

import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The application's Wave and Ripple API clients, by name: the client of {@code wave.*}
 * ({@value #DEFAULT}), those of {@code wave.clients.<name>.*}, and those registered at
 * run time (a reseller's customers onboarded while the application runs, credentials from
 * a database or a secret store).
 * <p>
 * Each client has its own token: its own cache, single flight, renewal, replay after a
 * 401 and back-off, and its clients carry only its token. The clients of one share one
 * connection pool. A client's {@code WebClient}, {@code RestClient} and token manager are
 * built at its first use, so registered clients that are never called cost little.
 * <p>
 * A name is letters, digits and {@code -}. Methods given an unknown name throw an
 * {@link IllegalArgumentException} that names the known ones. Thread-safe.
 */
public interface WaveClients {

	/** The name of the client configured with {@code wave.*}. */
	String DEFAULT = "default";

	/**
	 * The names of the clients, the default first when it is configured.
	 * @return the names, a snapshot
	 */
	Set<String> names();

	/**
	 * The Blue API {@code WebClient} of a client; for the default client,
	 * {@code waveWebClient}.
	 * @param name the client's name
	 * @return the client
	 */
	WebClient webClient(String name);

	/**
	 * The Blue API {@code RestClient} of a client; for the default client,
	 * {@code waveRestClient}.
	 * @param name the client's name
	 * @return the client
	 */
	RestClient restClient(String name);

	/**
	 * The token provider of a client, for clients of one's own.
	 * @param name the client's name
	 * @return its token provider
	 */
	WaveAccessTokenProvider tokens(String name);

	/**
	 * An HTTP interface (a typed Blue API such as {@code CostApi}, or one's own) on the
	 * client's {@code WebClient}, with Blue streams decoded as for the typed API.
	 * @param <T> the interface type
	 * @param name the client's name
	 * @param httpInterface the interface
	 * @return the client, created once per name and interface
	 */
	<T> T client(String name, Class<T> httpInterface);

	/**
	 * Registers a client at run time. Everything but its credentials is taken from
	 * {@code wave.*} (token URI, base URL, scope, token and HTTP settings).
	 * @param name the client's name: letters, digits and {@code -}, not yet in use
	 * @param credentials its credentials
	 * @throws IllegalArgumentException when the name is invalid or already in use
	 */
	void register(String name, WaveCredentials credentials);

	/**
	 * Removes a client registered at run time, and drops its token state. Clients of the
	 * configuration cannot be removed.
	 * @param name the client's name
	 * @return whether a client was removed
	 * @throws IllegalArgumentException when the client is one of the configuration
	 */
	boolean remove(String name);

}
