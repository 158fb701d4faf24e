package io.github.wavestarter.blue.api;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.wavestarter.autoconfigure.WaveProperties;
import io.github.wavestarter.testsupport.BlueApiSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.HttpExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every typed {@code @HttpExchange} method and record against the Blue API
 * reference ({@link BlueApiSpec}; skipped where the file is absent): the URL a typed
 * client calls, relative to {@code wave.base-url}, is the service base from the tag's
 * description followed by the operation's path, with the same method, path variables,
 * query parameters, body and answer types, and every record component is a field of the
 * spec's definition.
 */
class ApiSpecConformanceTests {

	private static final List<Class<?>> APIS = List.of(IamApi.class, OrgApi.class, CostApi.class);

	private static final Map<Class<?>, String> RECORDS = Map.ofEntries(Map.entry(ApiUser.class, "blueapiApiUser"),
			Map.entry(Org.class, "apiRippleOrg"), Map.entry(Account.class, "blueapiApiAccount"),
			Map.entry(KeyValue.class, "apiKeyValue"), Map.entry(CostItem.class, "blueapiCostV1CostItem"),
			Map.entry(AwsCost.class, "apiAwsCost"), Map.entry(GcpCost.class, "apiGcpCost"),
			Map.entry(AzureCost.class, "apiAzureCost"), Map.entry(ReadCostsRequest.class, "CostReadCostsBody"),
			Map.entry(AwsOptions.class, "v1ReadCostsRequestAwsOptions"),
			Map.entry(GcpOptions.class, "v1ReadCostsRequestGcpOptions"),
			Map.entry(AzureOptions.class, "v1ReadCostsRequestAzureOptions"));

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	private BlueApiSpec spec;

	@BeforeEach
	void loadSpec() {
		this.spec = BlueApiSpec.load();
	}

	@Test
	void theDefaultBaseUrlIsTheRootOfEveryServiceBase() {
		assertThat(WaveProperties.DEFAULT_BASE_URL).hasToString(BlueApiSpec.API_ROOT);
		JsonNode root = this.spec.root();
		assertThat("https://" + root.path("host").asString() + root.path("basePath").asString())
			.isEqualTo(BlueApiSpec.API_ROOT);
		assertThat(this.spec.tagBases()).containsEntry("Iam", "")
			.containsEntry("Organization", "")
			.containsEntry("Cost", "/cost")
			.containsEntry("Billing", "/billing");
		assertThat(this.spec.operations()).hasSize(601);
	}

	@Test
	void everyExchangeMethodIsASpecOperationAtItsServiceBase() {
		List<String> checked = new ArrayList<>();
		forEachExchange((api, method, exchange, path) -> {
			BlueApiSpec.Operation operation = this.spec.operation(exchange.method(), path);
			assertThat(operation)
				.as("%s %s (%s#%s) in the reference", exchange.method(), path, api.getSimpleName(), method.getName())
				.isNotNull();
			assertThat(this.spec.tagBases().get(operation.tag())).as("base of %s", operation.tag())
				.isEqualTo(serviceBase(api));
			checkParameters(method, operation);
			checked.add(exchange.method() + " " + path + " " + operation.tag());
		});
		assertThat(checked).containsExactlyInAnyOrder("GET /iam/v1/whoami Iam", "GET /org/v1 Organization",
				"GET /cost/v1/{vendor}/accounts Cost", "GET /cost/v1/{vendor}/accounts/{id} Cost",
				"POST /cost/v1/{vendor}/costs:read Cost");
	}

	@Test
	void streamingMethodsAreExactlyTheSpecStreams() {
		forEachExchange((api, method, exchange, path) -> {
			BlueApiSpec.Operation operation = this.spec.operation(exchange.method(), path);
			assertThat(method.getReturnType() == Flux.class)
				.as("%s returns Flux iff the reference says streaming", method)
				.isEqualTo(operation.isStreaming());
		});
	}

	@Test
	void bodiesAndAnswersAreTheSpecDefinitions() {
		forEachExchange((api, method, exchange, path) -> {
			BlueApiSpec.Operation operation = this.spec.operation(exchange.method(), path);
			Type answer = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
			assertThat(RECORDS.get(answer)).as("answer of %s", method).isEqualTo(operation.responseDefinition());
			Class<?> body = null;
			for (var parameter : method.getParameters()) {
				if (parameter.isAnnotationPresent(RequestBody.class)) {
					body = parameter.getType();
				}
			}
			assertThat((body != null) ? RECORDS.get(body) : null).as("body of %s", method)
				.isEqualTo(operation.bodyDefinition());
		});
	}

	@Test
	void recordComponentsAreSpecProperties() {
		RECORDS.forEach((type, definition) -> {
			JsonNode properties = this.spec.properties(definition);
			assertThat(properties.isObject()).as(definition).isTrue();
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(properties.has(component.getName()))
					.as("%s.%s in %s", type.getSimpleName(), component.getName(), definition)
					.isTrue();
			}
		});
	}

	private static void checkParameters(Method method, BlueApiSpec.Operation operation) {
		List<String> pathVariables = new ArrayList<>();
		List<String> queryParameters = new ArrayList<>();
		for (var parameter : method.getParameters()) {
			PathVariable pathVariable = parameter.getAnnotation(PathVariable.class);
			if (pathVariable != null) {
				pathVariables.add(pathVariable.value().isEmpty() ? parameter.getName() : pathVariable.value());
			}
			RequestParam requestParam = parameter.getAnnotation(RequestParam.class);
			if (requestParam != null) {
				queryParameters.add(requestParam.name());
			}
		}
		List<String> templateVariables = new ArrayList<>();
		Matcher matcher = PATH_VARIABLE.matcher(operation.specPath());
		while (matcher.find()) {
			templateVariables.add(matcher.group(1));
		}
		assertThat(pathVariables).as("path variables of %s", method)
			.containsExactlyInAnyOrderElementsOf(operation.parameters("path"))
			.containsExactlyInAnyOrderElementsOf(templateVariables);
		assertThat(operation.parameters("query")).as("query parameters of %s", method).containsAll(queryParameters);
	}

	private static String serviceBase(Class<?> api) {
		HttpExchange typeLevel = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class);
		return (typeLevel != null) ? typeLevel.url() : "";
	}

	private static void forEachExchange(ExchangeCheck check) {
		for (Class<?> api : APIS) {
			for (Method method : api.getMethods()) {
				HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
				if (exchange != null) {
					check.check(api, method, exchange, serviceBase(api) + exchange.url());
				}
			}
		}
	}

	@FunctionalInterface
	private interface ExchangeCheck {

		void check(Class<?> api, Method method, HttpExchange exchange, String path);

	}

}
