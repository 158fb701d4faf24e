package io.github.wavestarter.autoconfigure;

import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The INFO line the starter logs once at startup: registration, grant, partly masked
 * client id, token URI and base URL, each setting that comes from an Alphaus SDK
 * environment variable followed by the variable's name (never a secret, a password or a
 * value of one).
 */
final class WaveStartupLine {

	private WaveStartupLine() {
	}

	static String of(ClientRegistration registration, WaveProperties properties, Environment environment) {
		Map<String, String> origins = AlphausVariables.effectiveOrigins(environment);
		return "Wave starter: registration '" + registration.getRegistrationId() + "', grant "
				+ registration.getAuthorizationGrantType().getValue() + from(origins, "wave.grant-type")
				+ ", client id " + Masking.partially(registration.getClientId()) + from(origins, "wave.client-id")
				+ ", token URI " + properties.getTokenUri() + from(origins, "wave.token-uri") + ", base URL "
				+ properties.getBaseUrl();
	}

	private static String from(Map<String, String> origins, String property) {
		String origin = origins.get(property);
		return (origin != null) ? " (" + origin + ")" : "";
	}

}
