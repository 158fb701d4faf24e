package io.github.wavestarter.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Blue API reference ({@code apidocs.swagger.json}, OpenAPI 2.0 from grpc-gateway),
 * read from {@code <repository>/../shared/blueapi/apidocs.swagger.json}, where CI puts it
 * next to the clone; the system property {@value #LOCATION_PROPERTY} names another file.
 * The repository root is the Maven multi-module root, the nearest directory above the
 * working directory with a {@code .mvn} folder (as Maven's
 * {@code maven.multiModuleProjectDirectory}). Where the file is absent, {@link #load()}
 * aborts the calling test with a JUnit assumption: it is reported as skipped, never as
 * passed.
 * <p>
 * Each tag's description gives the base URL of its service ("Base URL:
 * https://api.alphaus.cloud/m/blue/cost"), and the paths of its operations are relative
 * to that base: {@link Operation#path()} is the composed path, relative to
 * {@code /m/blue}.
 */
public final class BlueApiSpec {

	/** System property naming the reference file. */
	public static final String LOCATION_PROPERTY = "blueapi.spec";

	/** Root of every service base. */
	public static final String API_ROOT = "https://api.alphaus.cloud/m/blue";

	private static final Pattern BASE_URL = Pattern.compile("Base URL: " + Pattern.quote(API_ROOT) + "((/[\\w-]+)*)");

	private static BlueApiSpec loaded;

	private final Path location;

	private final JsonNode root;

	private final Map<String, String> tagBases;

	private final List<Operation> operations;

	private BlueApiSpec(Path location, JsonNode root) {
		this.location = location;
		this.root = root;
		this.tagBases = tagBases(root);
		this.operations = operations(root, this.tagBases);
	}

	/**
	 * Reads the reference (once per JVM), or aborts the calling test if it is absent.
	 * Call it before each test ({@code @BeforeEach}), not in {@code @BeforeAll}: an
	 * aborted test is reported as skipped, an aborted class as no test at all.
	 * @return the reference
	 */
	public static synchronized BlueApiSpec load() {
		Path location = location();
		assumeTrue(Files.isRegularFile(location),
				() -> "Blue API reference not found at " + location + " (set -D" + LOCATION_PROPERTY + "=<file>)");
		if (loaded == null || !loaded.location.equals(location)) {
			loaded = new BlueApiSpec(location, JsonMapper.builder().build().readTree(location.toFile()));
		}
		return loaded;
	}

	/**
	 * @return where the reference is looked for
	 */
	public static Path location() {
		String property = System.getProperty(LOCATION_PROPERTY);
		if (property != null && !property.isBlank()) {
			return Path.of(property).toAbsolutePath();
		}
		Path start = Path.of("").toAbsolutePath();
		Path root = start;
		while (root != null && !Files.isDirectory(root.resolve(".mvn"))) {
			root = root.getParent();
		}
		Path projectRoot = (root != null) ? root : start;
		Path parent = (projectRoot.getParent() != null) ? projectRoot.getParent() : projectRoot;
		return parent.resolve("shared/blueapi/apidocs.swagger.json").normalize();
	}

	/**
	 * @return the whole document
	 */
	public JsonNode root() {
		return this.root;
	}

	/**
	 * @return each tag (service) with its base relative to {@code /m/blue}, e.g.
	 * {@code Cost -> /cost}, {@code Iam -> ""}
	 */
	public Map<String, String> tagBases() {
		return this.tagBases;
	}

	/**
	 * @return every operation, with its path composed of its tag's base and its path
	 */
	public List<Operation> operations() {
		return this.operations;
	}

	/**
	 * @param method HTTP method, any case
	 * @param path composed path relative to {@code /m/blue}, e.g.
	 * {@code /cost/v1/{vendor}/costs:read}
	 * @return the operation, or {@code null}
	 */
	public Operation operation(String method, String path) {
		for (Operation operation : this.operations) {
			if (operation.method().equalsIgnoreCase(method) && operation.path().equals(path)) {
				return operation;
			}
		}
		return null;
	}

	/**
	 * @param name a definition name, e.g. {@code CostReadCostsBody}
	 * @return its {@code properties} node (missing node if there is no such definition)
	 */
	public JsonNode properties(String name) {
		return this.root.path("definitions").path(name).path("properties");
	}

	private static Map<String, String> tagBases(JsonNode root) {
		Map<String, String> bases = new LinkedHashMap<>();
		for (JsonNode tag : root.path("tags")) {
			Matcher matcher = BASE_URL.matcher(tag.path("description").asString());
			assertThat(matcher.find()).as("Base URL in the description of tag %s", tag.path("name").asString())
				.isTrue();
			bases.put(tag.path("name").asString(), matcher.group(1));
		}
		return bases;
	}

	private static List<Operation> operations(JsonNode root, Map<String, String> bases) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				JsonNode operation = method.getValue();
				String tag = operation.path("tags").path(0).asString();
				assertThat(bases).as("tag %s of %s %s", tag, method.getKey(), path.getKey()).containsKey(tag);
				operations.add(new Operation(method.getKey().toUpperCase(), bases.get(tag) + path.getKey(),
						path.getKey(), tag, operation));
			}
		}
		return List.copyOf(operations);
	}

	/**
	 * One operation of the reference.
	 *
	 * @param method HTTP method, upper case
	 * @param path path relative to {@code /m/blue}: the tag's base and the spec path
	 * @param specPath the path as the reference lists it, relative to the tag's base
	 * @param tag the service
	 * @param node the operation object
	 */
	public record Operation(String method, String path, String specPath, String tag, JsonNode node) {

		/**
		 * @return whether the 200 answer is a server stream
		 */
		public boolean isStreaming() {
			return this.node.path("responses").path("200").path("description").asString().contains("streaming");
		}

		/**
		 * @param in {@code query}, {@code path} or {@code body}
		 * @return the names of the parameters of that kind
		 */
		public List<String> parameters(String in) {
			List<String> names = new ArrayList<>();
			for (JsonNode parameter : this.node.path("parameters")) {
				if (parameter.path("in").asString().equals(in)) {
					names.add(parameter.path("name").asString());
				}
			}
			return names;
		}

		/**
		 * @return the definition name of the body schema, or {@code null}
		 */
		public String bodyDefinition() {
			for (JsonNode parameter : this.node.path("parameters")) {
				if (parameter.path("in").asString().equals("body")) {
					return definitionName(parameter.path("schema"));
				}
			}
			return null;
		}

		/**
		 * @return the definition name of the 200 answer, for a stream the definition of
		 * its {@code result}
		 */
		public String responseDefinition() {
			JsonNode schema = this.node.path("responses").path("200").path("schema");
			return definitionName(isStreaming() ? schema.path("properties").path("result") : schema);
		}

		private static String definitionName(JsonNode schema) {
			String ref = schema.path("$ref").asString("");
			return ref.startsWith("#/definitions/") ? ref.substring("#/definitions/".length()) : null;
		}

	}

}
