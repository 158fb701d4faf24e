package io.github.wavestarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.wavestarter.token.WaveGrantType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs read, as the build generates it
 * ({@code META-INF/spring-configuration-metadata.json} of this module: the annotation
 * processor's output merged with {@code additional-spring-configuration-metadata.json}).
 */
class WaveConfigurationMetadataTests {

	private static JsonNode metadata;

	@BeforeAll
	static void readGeneratedMetadata() throws IOException {
		String ownLocation = WaveProperties.class.getProtectionDomain().getCodeSource().getLocation().toString();
		for (URL url : Collections
			.list(WaveProperties.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			if (url.toString().startsWith(ownLocation)) {
				try (InputStream in = url.openStream()) {
					metadata = JsonMapper.builder().build().readTree(in);
				}
			}
		}
		assertThat(metadata).as("metadata generated for " + ownLocation).isNotNull();
	}

	@Test
	void grantTypeDefaultIsWrittenAsItsHintAndBinds() {
		JsonNode grantType = property("wave.grant-type");
		String defaultValue = grantType.get("defaultValue").asString();
		assertThat(defaultValue).isEqualTo("client_credentials");
		assertThat(hintValues("wave.grant-type")).containsExactly("client_credentials", "password")
			.contains(defaultValue);
		assertThat(hintValues("wave.grant-type")).extracting(WaveConfigurationMetadataTests::bindGrantType)
			.containsExactly(WaveGrantType.CLIENT_CREDENTIALS, WaveGrantType.PASSWORD);
		assertThat(bindGrantType(defaultValue)).isEqualTo(new WaveProperties().getGrantType())
			.isEqualTo(WaveGrantType.CLIENT_CREDENTIALS);
	}

	@Test
	void healthIndicatorSwitchIsDocumented() {
		JsonNode enabled = property("management.health.wave.enabled");
		assertThat(enabled.get("type").asString()).isEqualTo("java.lang.Boolean");
		assertThat(enabled.get("defaultValue").asBoolean()).isTrue();
		assertThat(enabled.get("description").asString()).isNotBlank();
	}

	@Test
	void everyWavePropertyHasADescription() {
		List<String> undocumented = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			if (!property.has("description") || property.get("description").asString().isBlank()) {
				undocumented.add(property.get("name").asString());
			}
		}
		assertThat(undocumented).isEmpty();
	}

	@Test
	void everyDefaultIsInTheMetadataAndBindsToTheDefaultValue() {
		BeanWrapper defaults = new BeanWrapperImpl(new WaveProperties());
		List<String> checked = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (!name.startsWith("wave.")) {
				continue;
			}
			String path = beanPath(name.substring("wave.".length()));
			if (!defaults.isReadableProperty(path)) {
				continue;
			}
			Object expected = defaults.getPropertyValue(path);
			if (expected == null || expected instanceof Map<?, ?>) {
				// a map (wave.clients) has entries, not a default
				continue;
			}
			assertThat(property.has("defaultValue")).as("default of %s in the metadata", name).isTrue();
			String written = property.get("defaultValue").asString();
			WaveProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(name, written)))
				.bind("wave", WaveProperties.class)
				.get();
			assertThat(new BeanWrapperImpl(bound).getPropertyValue(path)).as("%s=%s", name, written)
				.isEqualTo(expected);
			checked.add(name);
		}
		assertThat(checked).contains("wave.stream.max-line-size", "wave.token.timeout", "wave.health.timeout");
	}

	/**
	 * {@code stream.max-line-size} as a bean property path: {@code stream.maxLineSize}.
	 */
	private static String beanPath(String name) {
		StringBuilder path = new StringBuilder();
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				path.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return path.toString();
	}

	private static WaveGrantType bindGrantType(String value) {
		return new Binder(new MapConfigurationPropertySource(Map.of("wave.grant-type", value)))
			.bind("wave.grant-type", WaveGrantType.class)
			.get();
	}

	private static JsonNode property(String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (name.equals(property.get("name").asString())) {
				return property;
			}
		}
		throw new AssertionError("No metadata for " + name);
	}

	private static List<String> hintValues(String name) {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : metadata.get("hints")) {
			if (name.equals(hint.get("name").asString())) {
				hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
			}
		}
		return values;
	}

}
