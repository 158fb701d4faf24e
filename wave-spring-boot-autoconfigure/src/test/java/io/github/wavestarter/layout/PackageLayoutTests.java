package io.github.wavestarter.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout of the main sources: dependencies between the starter's packages point one
 * way (no cycle), lower packages never import the auto-configuration, and only the types
 * an application touches are public. Read from the source files, so a new import or a new
 * public type fails here before review.
 */
class PackageLayoutTests {

	private static final String ROOT = "io.github.wavestarter";

	/** Comments, Javadoc included: a link in a comment is not a dependency. */
	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	private static final Pattern IMPORT = Pattern
		.compile("^import (?:static )?(" + Pattern.quote(ROOT) + "(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);

	private static final Pattern QUALIFIED = Pattern
		.compile("\\b(" + Pattern.quote(ROOT) + "(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");

	private static final Pattern PUBLIC_TYPE = Pattern.compile(
			"^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|enum|record|@interface) (\\w+)",
			Pattern.MULTILINE);

	/**
	 * The public top-level types: what an application imports, configures or excludes.
	 */
	private static final Set<String> PUBLIC_TYPES = new TreeSet<>(List.of(
			// properties and auto-configurations (their names, to exclude them)
			"autoconfigure.WaveProperties", "autoconfigure.WaveAutoConfiguration",
			"autoconfigure.blue.WaveBlueApiAutoConfiguration", "autoconfigure.actuate.WaveHealthAutoConfiguration",
			// customizers and the filter for an application's own client
			"client.WaveWebClientCustomizer", "client.WaveRestClientCustomizer",
			"client.WaveTokenEndpointClientCustomizer", "client.WaveBearerTokenFilter",
			"client.WaveBearerTokenInterceptor", "client.AmbiguousRequestPathException", "client.WaveClients",
			"client.WaveCredentials", "client.WaveApiCalls",
			// tokens
			"token.WaveAccessTokenProvider", "token.WaveTokenManager", "token.TokenState", "token.WaveTokenException",
			"token.WaveGrantType", "token.BearerTokens",
			// Blue API answers
			"blue.BlueApiException", "blue.GrpcCode", "blue.BlueStreams", "blue.BlueStreamLimitException",
			"blue.BlueApiErrors", "blue.BlueApiClients", "blue.BlueOperations", "blue.BlueOperationTimeoutException",
			// the typed API and its records
			"blue.api.IamApi", "blue.api.OrgApi", "blue.api.CostApi", "blue.api.ApiUser", "blue.api.Org",
			"blue.api.Account", "blue.api.ReadCostsRequest", "blue.api.AwsOptions", "blue.api.AzureOptions",
			"blue.api.GcpOptions", "blue.api.CostItem", "blue.api.AwsCost", "blue.api.AzureCost", "blue.api.GcpCost",
			"blue.api.KeyValue", "blue.api.BillingApi", "blue.api.CoverApi", "blue.api.OperationsApi",
			"blue.api.AccountBudgetResponse", "blue.api.AnomalyAlert", "blue.api.BillingGroup",
			"blue.api.BillingGroupResponse", "blue.api.BillingGroupsPage", "blue.api.Budget", "blue.api.BudgetAlert",
			"blue.api.CalculateCostsRequest", "blue.api.CalculationsHistory", "blue.api.CostAttributeItem",
			"blue.api.CostTag", "blue.api.CreateAccountBudgetRequest", "blue.api.CreateAccountBudgetResponse",
			"blue.api.ExchangeRates", "blue.api.ExportInvoiceRequest", "blue.api.ExportInvoiceResponse",
			"blue.api.ExportReportRequest", "blue.api.ForecastsResponse", "blue.api.GetInvoiceRequest",
			"blue.api.Invoice", "blue.api.InvoiceAdjustment", "blue.api.InvoiceReadiness", "blue.api.InvoiceSummary",
			"blue.api.ListInvoicesRequest", "blue.api.Operation", "blue.api.Payer", "blue.api.ReadAdjustmentsRequest",
			"blue.api.ReadBudgetAlertsRequest", "blue.api.ReadCostAttributesRequest",
			"blue.api.ReadInvoiceAdjustmentsRequest", "blue.api.ReadNonTagCostsRequest", "blue.api.ReadTagCostsRequest",
			"blue.api.Reseller"));

	private static final Map<String, Set<String>> imports = new TreeMap<>();

	private static final Set<String> publicTypes = new TreeSet<>();

	@BeforeAll
	static void readSources() throws IOException {
		Path sources = Path.of("src/main/java").toAbsolutePath();
		assertThat(sources).isDirectory();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				read(file);
			}
		}
	}

	private static void read(Path file) throws IOException {
		String source = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
		Matcher packageName = PACKAGE.matcher(source);
		assertThat(packageName.find()).as("package of %s", file).isTrue();
		String pkg = relative(packageName.group(1));
		Set<String> used = imports.computeIfAbsent(pkg, (name) -> new TreeSet<>());
		for (Pattern pattern : List.of(IMPORT, QUALIFIED)) {
			Matcher matcher = pattern.matcher(source);
			while (matcher.find()) {
				String target = relative(matcher.group(1));
				if (!target.equals(pkg)) {
					used.add(target);
				}
			}
		}
		Matcher type = PUBLIC_TYPE.matcher(source);
		if (type.find()) {
			publicTypes.add(pkg + "." + type.group(1));
		}
	}

	private static String relative(String pkg) {
		return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
	}

	@Test
	void thePackagesFormNoCycle() {
		assertThat(imports).containsKeys("autoconfigure", "client", "token", "blue", "blue.api");
		List<List<String>> cycles = new ArrayList<>();
		for (String start : imports.keySet()) {
			Deque<List<String>> paths = new ArrayDeque<>();
			paths.push(List.of(start));
			while (!paths.isEmpty()) {
				List<String> path = paths.pop();
				for (String next : imports.getOrDefault(path.get(path.size() - 1), Set.of())) {
					if (next.equals(start)) {
						List<String> cycle = new ArrayList<>(path);
						cycle.add(start);
						cycles.add(cycle);
					}
					else if (!path.contains(next) && next.compareTo(start) > 0) {
						List<String> longer = new ArrayList<>(path);
						longer.add(next);
						paths.push(longer);
					}
				}
			}
		}
		assertThat(cycles).as("package cycles (imports: %s)", imports).isEmpty();
	}

	@Test
	void onlyTheAutoConfigurationImportsTheAutoConfiguration() {
		imports.forEach((pkg, used) -> {
			if (!pkg.startsWith("autoconfigure")) {
				assertThat(used).as("packages imported by %s", pkg)
					.noneMatch((target) -> target.startsWith("autoconfigure"));
			}
		});
	}

	@Test
	void theTokenAndBluePackagesKnowNothingOfTheClientsAbove() {
		assertThat(imports.get("token")).as("imported by token").isEmpty();
		// BlueOperations polls through the typed OperationsApi; blue.api needs nothing
		assertThat(imports.get("blue")).as("imported by blue").containsOnly("blue.api");
		assertThat(imports.get("blue.api")).as("imported by blue.api").isEmpty();
		assertThat(imports.get("client")).as("imported by client").containsOnly("token");
	}

	@Test
	void onlyTheTypesAnApplicationTouchesArePublic() {
		assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES);
	}

}
