package io.github.wavestarter.autoconfigure.blue;

import io.github.wavestarter.autoconfigure.WaveAutoConfiguration;
import io.github.wavestarter.autoconfigure.WaveProperties;
import io.github.wavestarter.blue.BlueApiClients;
import io.github.wavestarter.blue.BlueOperations;
import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.blue.api.BillingApi;
import io.github.wavestarter.blue.api.CostApi;
import io.github.wavestarter.blue.api.CoverApi;
import io.github.wavestarter.blue.api.IamApi;
import io.github.wavestarter.blue.api.OperationsApi;
import io.github.wavestarter.blue.api.OrgApi;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the typed Blue API clients ({@link IamApi}, {@link OrgApi},
 * {@link CostApi}, {@link BillingApi}, {@link CoverApi}, {@link OperationsApi}), the
 * {@link BlueStreams} decoder, the {@link BlueApiClients} factory and the
 * {@link BlueOperations} waiter of long-running operations, all on top of the
 * {@code waveWebClient} bean. Each bean backs off when the user defines one of the same
 * type, and is created when first injected or looked up, so that an application that does
 * not use them does not load the reactive stack at start-up.
 */
@AutoConfiguration(after = WaveAutoConfiguration.class,
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(WebClient.class)
@ConditionalOnBean(name = WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME)
@EnableConfigurationProperties(WaveProperties.class)
public final class WaveBlueApiAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	BlueStreams blueStreams(ObjectProvider<JsonMapper> jsonMapper, WaveProperties properties) {
		JsonMapper mapper = jsonMapper.getIfAvailable(() -> BlueStreams.defaults().getJsonMapper());
		return BlueStreams.create(mapper, properties.getStream().getMaxLineSize());
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	BlueApiClients blueApiClients(@Qualifier(WaveAutoConfiguration.WAVE_WEB_CLIENT_BEAN_NAME) WebClient waveWebClient,
			BlueStreams blueStreams, WaveProperties properties) {
		return BlueApiClients.create(waveWebClient, blueStreams, properties.getBaseUrl());
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	IamApi blueIamApi(BlueApiClients clients) {
		return clients.createClient(IamApi.class);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	OrgApi blueOrgApi(BlueApiClients clients) {
		return clients.createClient(OrgApi.class);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	CostApi blueCostApi(BlueApiClients clients) {
		return clients.createClient(CostApi.class);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	BillingApi blueBillingApi(BlueApiClients clients) {
		return clients.createClient(BillingApi.class);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	CoverApi blueCoverApi(BlueApiClients clients) {
		return clients.createClient(CoverApi.class);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	OperationsApi blueOperationsApi(BlueApiClients clients) {
		return clients.createClient(OperationsApi.class);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	BlueOperations blueOperations(OperationsApi operationsApi) {
		return BlueOperations.create(operationsApi);
	}

}
