package io.github.wavestarter.aot;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.wavestarter.blue.api.AwsCost;
import io.github.wavestarter.blue.api.AzureCost;
import io.github.wavestarter.blue.api.CostItem;
import io.github.wavestarter.blue.api.GcpCost;
import io.github.wavestarter.blue.api.KeyValue;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

class WaveRuntimeHintsTests {

	@Test
	void registrarIsListedInAotFactories() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(WaveRuntimeHints.class);
	}

	@Test
	void everyBlueApiRecordCanBeCreatedAndReadByJackson() throws Exception {
		RuntimeHints hints = hintsOfAotFactories();
		List<Class<?>> records = blueApiRecords();
		assertThat(records).as("records found in io.github.wavestarter.blue.api").hasSizeGreaterThanOrEqualTo(12);
		for (Class<?> type : records) {
			Constructor<?> canonical = type.getDeclaredConstructor(
					Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical))
				.as("canonical constructor of %s", type.getSimpleName())
				.accepts(hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as("accessor %s.%s()", type.getSimpleName(), component.getName())
					.accepts(hints);
			}
		}
	}

	@Test
	void withoutTheRegistrarTheRecordsHaveNoHints() throws Exception {
		Constructor<?> canonical = CostItem.class.getDeclaredConstructor(AwsCost.class, GcpCost.class, AzureCost.class);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical)).rejects(new RuntimeHints());
		RuntimeHints hints = new RuntimeHints();
		new WaveRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(KeyValue.class.getMethod("value")))
			.accepts(hints);
	}

	@Test
	void recordListIsTheWholeBlueApiPackage() throws Exception {
		assertThat(WaveRuntimeHints.BLUE_API_RECORDS).containsExactlyInAnyOrderElementsOf(blueApiRecords());
	}

	private static RuntimeHints hintsOfAotFactories() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, WaveRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

	private static List<Class<?>> blueApiRecords() throws IOException, ClassNotFoundException {
		ClassLoader classLoader = WaveRuntimeHintsTests.class.getClassLoader();
		Resource[] classFiles = new PathMatchingResourcePatternResolver(classLoader)
			.getResources("classpath*:io/github/wavestarter/blue/api/*.class");
		SimpleMetadataReaderFactory readers = new SimpleMetadataReaderFactory(classLoader);
		List<Class<?>> records = new ArrayList<>();
		for (Resource classFile : classFiles) {
			MetadataReader reader = readers.getMetadataReader(classFile);
			Class<?> type = ClassUtils.forName(reader.getClassMetadata().getClassName(), classLoader);
			if (type.isRecord()) {
				records.add(type);
			}
		}
		return records;
	}

}
