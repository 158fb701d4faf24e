package io.github.wavestarter.test.journal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One request received by the token endpoint, as parsed by the emulator.
 *
 * @param receivedAt when the request arrived (emulator clock)
 * @param method HTTP method
 * @param contentType the raw {@code Content-Type} header, or {@code null} if absent
 * @param parts the form fields (multipart parts or url-encoded fields), in request order;
 * empty if the body could not be parsed
 * @param path the token endpoint's path: {@code /access_token} (Wave) or
 * {@code /ripple/access_token} (Ripple)
 */
public record RecordedTokenRequest(Instant receivedAt, String method, @Nullable String contentType,
		Map<String, String> parts, String path) {

	/** Path of the Wave token endpoint. */
	public static final String WAVE_PATH = "/access_token";

	/** Path of the Ripple token endpoint. */
	public static final String RIPPLE_PATH = "/ripple/access_token";

	/** Fields whose values never appear in {@link #toString()}. */
	public static final Set<String> SECRET_FIELDS = Set.of("client_secret", "password", "refresh_token");

	/** Copies {@code parts} into an unmodifiable map. */
	public RecordedTokenRequest {
		parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
	}

	/** A request to the Wave token endpoint ({@value #WAVE_PATH}). */
	public RecordedTokenRequest(Instant receivedAt, String method, String contentType, Map<String, String> parts) {
		this(receivedAt, method, contentType, parts, WAVE_PATH);
	}

	/**
	 * @return whether the request went to the Ripple token endpoint
	 * ({@value #RIPPLE_PATH})
	 */
	public boolean isRipple() {
		return RIPPLE_PATH.equals(path);
	}

	/**
	 * @return the value of a form field, or {@code null}
	 */
	public @Nullable String part(String name) {
		return parts.get(name);
	}

	/**
	 * @return the {@code grant_type} field, or {@code null}
	 */
	public @Nullable String grantType() {

		return parts.get("grant_type");
	}

	/**
	 * @return the {@code client_id} field, the client the request asked a token for, or
	 * {@code null}
	 */
	public @Nullable String clientId() {
		return parts.get("client_id");
	}

	/**
	 * @return whether the request was sent as {@code multipart/form-data}
	 */
	public boolean isMultipart() {
		return contentType != null && contentType.toLowerCase().startsWith("multipart/form-data");
	}

	/**
	 * @return the parts with secret values replaced by {@code ******}
	 */
	public Map<String, String> maskedParts() {
		Map<String, String> masked = new LinkedHashMap<>();
		parts.forEach((k, v) -> masked.put(k, SECRET_FIELDS.contains(k) ? "******" : v));
		return masked;
	}

	/** Masks {@code client_secret}, {@code password} and {@code refresh_token}. */
	@Override
	public String toString() {
		return "RecordedTokenRequest[" + method + " " + path + " contentType=" + contentType + ", parts="
				+ maskedParts() + "]";
	}
}
