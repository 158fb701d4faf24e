package io.github.wavestarter.test;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An extra API client known to the emulator besides the default one (see
 * {@link MockWaveServer.Builder#client(MockApiClient)}): its token endpoint accepts these
 * credentials, and every token it issues for them is bound to {@link #clientId()}.
 *
 * <pre>{@code
 * MockWaveServer.builder()
 *     .client(MockApiClient.named("acme", "acme-id", "acme-secret"))
 *     .client(MockApiClient.named("globex", "globex-id", "globex-secret").withUser("ops@globex.example", "pw"))
 *     .start();
 * }</pre>
 *
 * A client with a {@linkplain #name() name} appears in
 * {@link MockWaveServer#springProperties(String, boolean)} as
 * {@code <prefix>.clients.<name>.client-id} and {@code .client-secret} (and
 * {@code .username}, {@code .password} when it has a user). {@link #toString()} never
 * shows the secret or the password.
 *
 * @param name the name of the client in the Spring properties (letters, digits and
 * {@code -}), or {@code null} for a client that only the token endpoint knows
 * @param clientId the client id, unique among the clients of an emulator
 * @param clientSecret the client secret
 * @param username the user of the password grant of this client, or {@code null} if the
 * client has none (its password grant then answers {@code invalid_grant})
 * @param password the password of that user, {@code null} exactly when {@code username}
 * is
 */
public record MockApiClient(@Nullable String name, String clientId, String clientSecret, @Nullable String username,
		@Nullable String password) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");

	/** Validates the fields; no message shows the secret or the password. */
	public MockApiClient {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(clientSecret, "clientSecret");
		if (clientId.isEmpty()) {
			throw new IllegalArgumentException("The client id of a MockApiClient must not be empty");
		}
		if (clientSecret.isEmpty()) {
			throw new IllegalArgumentException(
					"The client secret of MockApiClient '" + clientId + "' must not be empty");
		}
		if (name != null && !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Invalid name '" + name + "' of MockApiClient '" + clientId
					+ "': use letters, digits and '-' only");
		}
		if ((username == null) != (password == null) || (username != null && username.isEmpty())
				|| (password != null && password.isEmpty())) {
			throw new IllegalArgumentException("MockApiClient '" + clientId
					+ "' needs both a username and a password (neither empty), or neither");
		}
	}

	/**
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return a client without name and without user
	 */
	public static MockApiClient of(String clientId, String clientSecret) {
		return new MockApiClient(null, clientId, clientSecret, null, null);
	}

	/**
	 * @param name the name in the Spring properties (letters, digits and {@code -})
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return a named client without user
	 */
	public static MockApiClient named(String name, String clientId, String clientSecret) {
		return new MockApiClient(Objects.requireNonNull(name, "name"), clientId, clientSecret, null, null);
	}

	/**
	 * @param username the user name of the password grant
	 * @param password its password
	 * @return a copy of this client with this user
	 */
	public MockApiClient withUser(String username, String password) {
		return new MockApiClient(name, clientId, clientSecret, Objects.requireNonNull(username, "username"),
				Objects.requireNonNull(password, "password"));
	}

	/**
	 * @return whether the client has a user for the password grant
	 */
	public boolean hasUser() {
		return username != null;
	}

	/** Never shows the secret or the password. */
	@Override
	public String toString() {
		return "MockApiClient[" + (name == null ? "" : "name=" + name + ", ") + "clientId=" + clientId
				+ ", clientSecret=******" + (username == null ? "" : ", username=" + username + ", password=******")
				+ "]";
	}

}
