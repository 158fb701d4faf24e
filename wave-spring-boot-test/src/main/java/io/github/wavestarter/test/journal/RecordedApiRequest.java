package io.github.wavestarter.test.journal;

import java.time.Instant;

/**
 * One request received by the Blue API emulation.
 *
 * @param receivedAt when the request arrived (emulator clock)
 * @param method HTTP method
 * @param path path relative to {@code baseUrl()}, e.g. {@code /v1/aws/accounts}
 * @param query raw query string without {@code ?}, or {@code ""}
 * @param validToken whether it carried a bearer token that was valid (issued, not
 * expired, not revoked)
 * @param body request body as text ({@code ""} if none)
 */
public record RecordedApiRequest(Instant receivedAt, String method, String path, String query, boolean validToken,
		String body) {

	/** Never prints the bearer token (it is not recorded at all). */
	@Override
	public String toString() {
		return "RecordedApiRequest[" + method + " " + path + (query.isEmpty() ? "" : "?" + query) + ", validToken="
				+ validToken + (body.isEmpty() ? "" : ", body=" + body.length() + " chars") + "]";
	}
}
