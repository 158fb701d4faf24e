package io.github.wavestarter.bench.token;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the official Alphaus SDKs do: a new token (multipart POST) before every call,
 * nothing cached. For reference only.
 */
final class SdkStyleClient implements BenchClient {

	static final String CLIENT_ID = "sdk-client";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private final WebClient webClient;

	private final String tokenUri;

	SdkStyleClient(LoopbackServers servers) {
		this.webClient = WebClient.builder().baseUrl(servers.baseUrl()).build();
		this.tokenUri = servers.tokenUri();
	}

	@Override
	public String clientId() {
		return CLIENT_ID;
	}

	@Override
	public Mono<Integer> call() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", CLIENT_ID);
		form.add("client_secret", LoopbackServers.CLIENT_SECRET);
		form.add("scope", "openid");
		return this.webClient.post()
			.uri(this.tokenUri)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(new LinkedMultiValueMap<>(form)))
			.retrieve()
			.bodyToMono(String.class)
			.map((body) -> {
				Matcher matcher = ACCESS_TOKEN.matcher(body);
				if (!matcher.find()) {
					throw new IllegalStateException("no access_token");
				}
				return matcher.group(1);
			})
			.flatMap((token) -> BenchClient
				.get(this.webClient.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build()))
			.onErrorResume((failure) -> Mono.just(-1));
	}

}
