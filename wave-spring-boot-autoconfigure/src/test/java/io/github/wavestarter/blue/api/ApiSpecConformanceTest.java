package io.github.wavestarter.blue.api;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.HttpExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks every typed {@code @HttpExchange} method and record against the Blue API OpenAPI
 * document ({@code shared/blueapi/apidocs.swagger.json}, located by walking up from the
 * working directory; skipped when absent).
 */
class ApiSpecConformanceTest {

	private static final List<Class<?>> APIS = List.of(IamApi.class, OrgApi.class, CostApi.class);

	private static final Map<Class<?>, String> RECORDS = Map.ofEntries(Map.entry(ApiUser.class, "blueapiApiUser"),
			Map.entry(Org.class, "apiRippleOrg"), Map.entry(Account.class, "blueapiApiAccount"),
			Map.entry(KeyValue.class, "apiKeyValue"), Map.entry(CostItem.class, "blueapiCostV1CostItem"),
			Map.entry(AwsCost.class, "apiAwsCost"), Map.entry(GcpCost.class, "apiGcpCost"),
			Map.entry(AzureCost.class, "apiAzureCost"), Map.entry(ReadCostsRequest.class, "CostReadCostsBody"),
			Map.entry(AwsOptions.class, "v1ReadCostsRequestAwsOptions"),
			Map.entry(GcpOptions.class, "v1ReadCostsRequestGcpOptions"),
			Map.entry(AzureOptions.class, "v1ReadCostsRequestAzureOptions"));

	private static JsonNode spec;

	@BeforeAll
	static void loadSpec() {
		Path dir = Path.of("").toAbsolutePath();
		Path found = null;
		while (dir != null && found == null) {
			Path candidate = dir.resolve("shared/blueapi/apidocs.swagger.json");
			if (Files.isRegularFile(candidate)) {
				found = candidate;
			}
			dir = dir.getParent();
		}
		assumeTrue(found != null, "shared/blueapi/apidocs.swagger.json not found above the working directory");
		spec = JsonMapper.builder().build().readTree(found.toFile());
	}

	@Test
	void everyExchangeMethodExistsInSpec() {
		List<String> checked = new ArrayList<>();
		for (Class<?> api : APIS) {
			HttpExchange typeLevel = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class);
			String prefix = (typeLevel != null) ? typeLevel.url() : "";
			for (Method method : api.getMethods()) {
				HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
				if (exchange == null) {
					continue;
				}
				String path = prefix + exchange.url();
				String httpMethod = exchange.method().toLowerCase();
				JsonNode operation = spec.path("paths").path(path).path(httpMethod);
				assertThat(operation.isObject())
					.as("%s %s (%s#%s) in spec", httpMethod, path, api.getSimpleName(), method.getName())
					.isTrue();
				for (var parameter : method.getParameters()) {
					RequestParam requestParam = parameter.getAnnotation(RequestParam.class);
					if (requestParam != null) {
						boolean declared = false;
						for (JsonNode p : operation.path("parameters")) {
							declared |= p.path("in").asString().equals("query")
									&& p.path("name").asString().equals(requestParam.name());
						}
						assertThat(declared).as("query parameter %s of %s %s", requestParam.name(), httpMethod, path)
							.isTrue();
					}
				}
				checked.add(httpMethod.toUpperCase() + " " + path);
			}
		}
		assertThat(checked).contains("GET /iam/v1/whoami", "GET /v1/{vendor}/accounts",
				"GET /v1/{vendor}/accounts/{id}", "POST /v1/{vendor}/costs:read", "GET /org/v1");
	}

	@Test
	void streamingMethodsAreExactlyTheSpecStreams() {
		for (Class<?> api : APIS) {
			for (Method method : api.getMethods()) {
				HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
				if (exchange == null) {
					continue;
				}
				String description = spec.path("paths")
					.path(exchange.url())
					.path(exchange.method().toLowerCase())
					.path("responses")
					.path("200")
					.path("description")
					.asString();
				boolean streaming = description.contains("streaming responses");
				assertThat(method.getReturnType() == reactor.core.publisher.Flux.class)
					.as("%s returns Flux iff the spec says streaming", method)
					.isEqualTo(streaming);
			}
		}
	}

	@Test
	void recordComponentsAreSpecProperties() {
		RECORDS.forEach((type, definition) -> {
			JsonNode properties = spec.path("definitions").path(definition).path("properties");
			assertThat(properties.isObject()).as(definition).isTrue();
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(properties.has(component.getName()))
					.as("%s.%s in %s", type.getSimpleName(), component.getName(), definition)
					.isTrue();
			}
		});
	}

}
