package io.github.wavestarter.test.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The emulator's packages depend on each other one way: the integrations ({@code junit},
 * {@code spring}) on the facade, the facade on the implementation ({@code internal}) and
 * the leaf API packages ({@code fault}, {@code journal}, {@code stub}), the
 * implementation on the leaf packages only, and the leaf packages on none. Read from the
 * main sources, comments left out.
 */
class EmulatorPackageLayoutTests {

	private static final String ROOT = "io.github.wavestarter.test";

	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	private static final Pattern REFERENCE = Pattern
		.compile("\\b(" + Pattern.quote(ROOT) + "(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");

	/** Package (relative to the root, {@code ""} for it) to the packages it may use. */
	private static final Map<String, Set<String>> ALLOWED = Map.of("", Set.of("internal", "fault", "journal", "stub"),
			"junit", Set.of(""), "spring", Set.of(""), "internal", Set.of("fault", "journal", "stub"), "fault",
			Set.of(), "journal", Set.of(), "stub", Set.of());

	@Test
	void dependenciesPointOneWay() throws IOException {
		Map<String, Set<String>> dependencies = dependencies(Path.of("src/main/java"));

		assertThat(dependencies.keySet()).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
		dependencies
			.forEach((from, to) -> assertThat(to).as("packages used by '%s'", from).isSubsetOf(ALLOWED.get(from)));
		// the facade really uses the implementation and the integrations the facade
		assertThat(dependencies.get("")).contains("internal");
		assertThat(dependencies.get("junit")).contains("");
		assertThat(dependencies.get("spring")).contains("");
	}

	private static Map<String, Set<String>> dependencies(Path sources) throws IOException {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		assertThat(files).hasSizeGreaterThan(20);
		for (Path file : files) {
			String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
			Matcher pkg = PACKAGE.matcher(code);
			assertThat(pkg.find()).as("package of %s", file).isTrue();
			String from = relative(pkg.group(1));
			Set<String> to = dependencies.computeIfAbsent(from, (key) -> new TreeSet<>());
			Matcher reference = REFERENCE.matcher(code.substring(pkg.end()));
			while (reference.find()) {
				String used = relative(reference.group(1));
				if (!used.equals(from)) {
					to.add(used);
				}
			}
		}
		return dependencies;
	}

	private static String relative(String packageName) {
		assertThat(packageName).startsWith(ROOT);
		return packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
	}

}
