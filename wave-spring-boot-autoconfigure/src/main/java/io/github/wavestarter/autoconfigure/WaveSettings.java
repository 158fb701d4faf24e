package io.github.wavestarter.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.github.wavestarter.client.WaveApiCalls;
import io.github.wavestarter.token.WaveTokenManager;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The checked {@code wave.*} configuration, as {@link WavePropertiesMapper} made it from
 * {@link WaveProperties}: what the Wave beans are built from. Its {@code toString()}
 * shows no secret.
 *
 * @param registration the client registration of {@code wave.*}, or {@code null} when the
 * application defines its own {@code waveClientRegistration}
 * @param username the Wave user of the password grant, or {@code null}
 * @param password the Wave user's password, or {@code null}
 * @param token how tokens are requested and renewed
 * @param baseUrl the Blue API base URL
 * @param http the HTTP settings of both Wave clients
 * @param api the rate limit and retries of its Blue API calls
 * @param clients the named clients ({@code wave.clients.*}), by name; empty for a named
 * client
 */
record WaveSettings(@Nullable ClientRegistration registration, @Nullable String username, @Nullable String password,
		WaveTokenManager.Settings token, URI baseUrl, WaveHttpSettings http, WaveApiCalls.Settings api,
		Map<String, WaveSettings> clients) {

	@Override
	public String toString() {
		return "WaveSettings[registration="
				+ ((this.registration != null) ? this.registration.getRegistrationId() : "<application's>")
				+ ", username=" + this.username + ", password=" + Masking.presence(this.password) + ", token="
				+ this.token + ", baseUrl=" + this.baseUrl + ", http=" + this.http + ", api=" + this.api + ", clients="
				+ this.clients.keySet() + "]";
	}

}
