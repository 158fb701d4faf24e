package io.github.wavestarter.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java examples are the snippets of this package, which compile and run
 * ({@link ReadmeSnippetsTests}, {@link CostReportTests}), and the Japanese README has the
 * same sections and the same code blocks as the English one.
 */
class ReadmeSyncTests {

	/** The repository root: the parent of this module's directory. */
	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Path SNIPPETS = Path.of("src/test/java/io/github/wavestarter/readme");

	private static final Pattern DASHED_DATE = Pattern.compile("\"\\d{4}-\\d{2}(-\\d{2})?\"");

	@Test
	void everyJavaExampleOfTheReadmeIsASnippetHereAndEverySnippetIsInTheReadme() throws IOException {
		List<String> examples = codeBlocks(ROOT.resolve("README.md"), "java");
		List<String> snippets = snippets();

		assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
		assertThat(snippets).containsExactlyInAnyOrderElementsOf(examples);
	}

	@Test
	void theJapaneseReadmeHasTheSameCodeBlocksAndSections() throws IOException {
		Path english = ROOT.resolve("README.md");
		Path japanese = ROOT.resolve("README.ja.md");

		assertThat(codeBlocks(japanese, null)).containsExactlyElementsOf(codeBlocks(english, null));
		assertThat(headingLevels(japanese)).containsExactlyElementsOf(headingLevels(english));
	}

	@Test
	void noExampleUsesADashedDateOrAPathWithoutItsServiceBase() throws IOException {
		for (String example : codeBlocks(ROOT.resolve("README.md"), "java")) {
			assertThat(DASHED_DATE.matcher(example).find()).as(example).isFalse();
			assertThat(example).as(example).doesNotContain("uri(\"/v1/").doesNotContain("Exchange(\"/v1/{vendor}");
		}
	}

	/** The code blocks of a Markdown file, of one language or ({@code null}) all. */
	static List<String> codeBlocks(Path markdown, String language) throws IOException {
		List<String> blocks = new ArrayList<>();
		StringBuilder block = null;
		boolean wanted = false;
		for (String line : Files.readAllLines(markdown)) {
			if (block == null && line.startsWith("```")) {
				block = new StringBuilder();
				wanted = language == null || line.substring(3).trim().equals(language);
			}
			else if (block != null && line.equals("```")) {
				if (wanted) {
					blocks.add(block.toString());
				}
				block = null;
			}
			else if (block != null) {
				block.append(line.stripTrailing()).append('\n');
			}
		}
		assertThat(block).as("unclosed code block in %s", markdown).isNull();
		return blocks;
	}

	private static List<String> headingLevels(Path markdown) throws IOException {
		List<String> levels = new ArrayList<>();
		boolean inCode = false;
		for (String line : Files.readAllLines(markdown)) {
			inCode ^= line.startsWith("```");
			if (!inCode && line.startsWith("#")) {
				levels.add(line.substring(0, line.indexOf(' ')));
			}
		}
		return levels;
	}

	/** The text between the {@code README:begin} and {@code README:end} markers. */
	private static List<String> snippets() throws IOException {
		List<String> snippets = new ArrayList<>();
		try (Stream<Path> files = Files.list(SNIPPETS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				StringBuilder snippet = null;
				for (String line : Files.readAllLines(file)) {
					if (line.trim().equals("// README:begin")) {
						snippet = new StringBuilder();
					}
					else if (line.trim().equals("// README:end")) {
						snippets.add(snippet.toString());
						snippet = null;
					}
					else if (snippet != null) {
						snippet.append(line.stripTrailing()).append('\n');
					}
				}
			}
		}
		return snippets;
	}

}
