package io.github.wavestarter.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small JDK HttpClient based test client that speaks the Wave protocol by hand. */
final class WaveHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final MockWaveServer server;

	WaveHttp(MockWaveServer server) {
		this.server = server;
	}

	/** A hand-built multipart/form-data body. */
	record Multipart(String contentType, byte[] body) {
		static Multipart of(Map<String, String> fields) {
			String boundary = "----wave" + UUID.randomUUID().toString().replace("-", "");
			StringBuilder sb = new StringBuilder();
			fields.forEach((name, value) -> sb.append("--")
				.append(boundary)
				.append("\r\n")
				.append("Content-Disposition: form-data; name=\"")
				.append(name)
				.append("\"\r\n\r\n")
				.append(value)
				.append("\r\n"));
			sb.append("--").append(boundary).append("--\r\n");
			return new Multipart("multipart/form-data; boundary=" + boundary,
					sb.toString().getBytes(StandardCharsets.UTF_8));
		}
	}

	static Map<String, String> form(String... keyValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put(keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

	Map<String, String> clientCredentialsForm() {
		return form("grant_type", "client_credentials", "client_id", server.clientId(), "client_secret",
				server.clientSecret(), "scope", "openid");
	}

	Map<String, String> passwordForm() {
		return form("grant_type", "password", "client_id", server.clientId(), "client_secret", server.clientSecret(),
				"scope", "openid", "username", server.username(), "password", server.password());
	}

	HttpResponse<String> tokenMultipart(Map<String, String> fields) {
		Multipart mp = Multipart.of(fields);
		return send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
			.header("Content-Type", mp.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(mp.body()))
			.build());
	}

	HttpResponse<String> tokenUrlEncoded(Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Gets a token via client credentials and returns the access token. */
	String accessToken() {
		HttpResponse<String> response = tokenMultipart(clientCredentialsForm());
		if (response.statusCode() != 200) {
			throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
		}
		return json(response.body()).get("access_token").asString();
	}

	HttpRequest.Builder api(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	HttpResponse<String> get(String path, String token) {
		return send(api(path, token).GET().build());
	}

	HttpResponse<String> post(String path, String token, String json) {
		return send(api(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
