package io.github.wavestarter.autoconfigure;

import java.util.function.BiConsumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer.ClientCallback;

/**
 * Makes the HTTP service group {@value #GROUP} a group of Wave clients: every interface
 * an application imports with {@code @ImportHttpServices(group = "wave", ...)}, on a
 * {@code RestClient} (Boot's default) or a {@code WebClient}, gets the Blue API base URL
 * (unless {@code spring.http.serviceclient.wave.base-url} is set), Wave's connector, the
 * token and the replay after a 401, and {@code BlueApiException} for error answers.
 * Imported by {@link WaveAutoConfiguration}.
 * <p>
 * The configurers touch the group {@value #GROUP} only; the application's other groups
 * are left as they are. They run after Boot's own configurers (which apply
 * {@code spring.http.serviceclient.wave.*}), so the group's default headers and API
 * version are Boot's, while its connector is Wave's: one that follows no redirect, with
 * the {@code wave.http.*} settings.
 */
@Configuration(proxyBeanMethods = false)
class WaveHttpServiceGroupConfiguration {

	/** The name of the HTTP service group of Wave clients. */
	static final String GROUP = "wave";

	static final String GROUP_BASE_URL = "spring.http.serviceclient." + GROUP + ".base-url";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	static class RestClientGroup {

		@Bean
		@Lazy
		RestClientHttpServiceGroupConfigurer waveRestClientHttpServiceGroupConfigurer(
				ObjectProvider<WaveClientSetup> setup, Environment environment) {
			ClientCallback<RestClient.Builder> callback = waveClients(WaveClientSetup::configure,
					RestClient.Builder::baseUrl, setup, environment);
			return (groups) -> groups.filterByName(GROUP).forEachClient(callback);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClientHttpServiceGroupConfigurer.class)
	static class WebClientGroup {

		@Bean
		@Lazy
		WebClientHttpServiceGroupConfigurer waveWebClientHttpServiceGroupConfigurer(
				ObjectProvider<WaveClientSetup> setup, Environment environment) {
			ClientCallback<WebClient.Builder> callback = waveClients(WaveClientSetup::configure,
					WebClient.Builder::baseUrl, setup, environment);
			return (groups) -> groups.filterByName(GROUP).forEachClient(callback);
		}

	}

	/**
	 * Makes each client of the group a Wave client, and gives it the Blue API base URL
	 * unless the application gave the group one of its own. The setup is looked up when
	 * the group's clients are built, so an application without HTTP service groups does
	 * not create it at start-up.
	 */
	private static <B> ClientCallback<B> waveClients(BiConsumer<WaveClientSetup, B> configure,
			BiConsumer<B, String> baseUrl, ObjectProvider<WaveClientSetup> setup, Environment environment) {
		boolean ownBaseUrl = hasOwnBaseUrl(environment);
		return (group, builder) -> {
			WaveClientSetup wave = setup.getObject();
			configure.accept(wave, builder);
			if (!ownBaseUrl) {
				baseUrl.accept(builder, wave.baseUrl());
			}
		};
	}

	/** Whether the application gave the group a base URL of its own. */
	static boolean hasOwnBaseUrl(Environment environment) {
		String url = Binder.get(environment).bind(GROUP_BASE_URL, String.class).orElse(null);
		return url != null && !url.isBlank();
	}

}
