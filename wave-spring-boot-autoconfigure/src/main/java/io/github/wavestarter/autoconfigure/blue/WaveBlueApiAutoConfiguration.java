package io.github.wavestarter.autoconfigure.blue;

import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.blue.api.OrgApi;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the typed Blue API clients ({@link IamApi}, {@link OrgApi},
 * {@link CostApi}), the {@link BlueStreams} decoder and {@link BlueApiClients} factory,
 * all on top of the {@code waveWebClient} bean. Each bean backs off when the user defines
 * one of the same type.
 */
@AutoConfiguration(afterName = { "io.github.wavestarter.autoconfigure.WaveAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@ConditionalOnBean(name = WaveBlueApiAutoConfiguration.WAVE_WEB_CLIENT)
@EnableConfigurationProperties(WaveStreamProperties.class)
public final class WaveBlueApiAutoConfiguration {

	static final String WAVE_WEB_CLIENT = "waveWebClient";

	@Bean
	@ConditionalOnMissingBean
	BlueStreams blueStreams(ObjectProvider<JsonMapper> jsonMapper, WaveStreamProperties properties) {
		JsonMapper mapper = jsonMapper.getIfAvailable(
				() -> JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
		return BlueStreams.create(mapper, properties.getMaxLineSize());
	}

	@Bean
	@ConditionalOnMissingBean
	BlueApiClients blueApiClients(@Qualifier(WAVE_WEB_CLIENT) WebClient waveWebClient, BlueStreams blueStreams) {
		return BlueApiClients.create(waveWebClient, blueStreams);
	}

	@Bean
	@ConditionalOnMissingBean
	IamApi blueIamApi(BlueApiClients clients) {
		return clients.createClient(IamApi.class);
	}

	@Bean
	@ConditionalOnMissingBean
	OrgApi blueOrgApi(BlueApiClients clients) {
		return clients.createClient(OrgApi.class);
	}

	@Bean
	@ConditionalOnMissingBean
	CostApi blueCostApi(BlueApiClients clients) {
		return clients.createClient(CostApi.class);
	}

}
