package io.github.wavestarter.test.internal;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The services of the Blue API and where each is served, as the tags of the API reference
 * give them ("Base URL: https://api.alphaus.cloud/m/blue..."). Paths here are relative to
 * {@code /m/blue}: a service path is its base followed by the operation's path in the
 * reference, e.g. Cost's {@code /v1/{vendor}/costs:read} is served at
 * {@code /cost/v1/{vendor}/costs:read}. The services based at {@code /m/blue} itself
 * share it, each under its own first path segment ({@code /iam/...}, {@code /org/...}).
 * Internal API.
 */
public enum BlueService {

	/** Iam, at {@code /m/blue/iam/...}. */
	IAM("Iam", "", "/iam/"),

	/** Organization, at {@code /m/blue/org/...}. */
	ORGANIZATION("Organization", "", "/org/"),

	/** Admin, at {@code /m/blue/admin/...}. */
	ADMIN("Admin", "", "/admin/"),

	/** Operations, at {@code /m/blue/ops/...}. */
	OPERATIONS("Operations", "", "/ops/"),

	/** Flags, at {@code /m/blue/flags/...}. */
	FLAGS("Flags", "", "/flags/"),

	/** Preferences, at {@code /m/blue/prefs/...}. */
	PREFERENCES("Preferences", "", "/prefs/"),

	/** Cost, based at {@code /m/blue/cost}. */
	COST("Cost", "/cost", "/"),

	/** Billing, based at {@code /m/blue/billing}. */
	BILLING("Billing", "/billing", "/"),

	/** Cover, based at {@code /m/blue/cover}. */
	COVER("Cover", "/cover", "/"),

	/** Pricing, based at {@code /m/blue/pricing}. */
	PRICING("Pricing", "/pricing", "/"),

	/** Flow, based at {@code /m/blue/flow}. */
	FLOW("Flow", "/flow", "/"),

	/** Prism, based at {@code /m/blue/prism}. */
	PRISM("Prism", "/prism", "/"),

	/** Vortex, based at {@code /m/blue/vortex}. */
	VORTEX("Vortex", "/vortex", "/"),

	/** GuaranteedCommitments, based at {@code /m/blue/gc}. */
	GUARANTEED_COMMITMENTS("GuaranteedCommitments", "/gc", "/"),

	/** Luster, based at {@code /m/blue/luster}. */
	LUSTER("Luster", "/luster", "/");

	private final String tag;

	private final String base;

	private final String pathPrefix;

	BlueService(String tag, String base, String pathPrefix) {
		this.tag = tag;
		this.base = base;
		this.pathPrefix = pathPrefix;
	}

	/**
	 * @return the tag of the service in the API reference, e.g. {@code Cost}
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * @return the base of the service relative to {@code /m/blue}, e.g. {@code /cost}, or
	 * {@code ""} for the services based at {@code /m/blue}
	 */
	public String base() {
		return this.base;
	}

	/**
	 * @param apiPath a path relative to {@code /m/blue}, without query
	 * @return whether this service serves that path
	 */
	public boolean serves(String apiPath) {
		return apiPath.startsWith(this.base + this.pathPrefix)
				&& apiPath.length() > (this.base + this.pathPrefix).length();
	}

	/**
	 * @param apiPath a path relative to {@code /m/blue}, without query
	 * @return the service serving that path, or {@code null} if none does
	 */
	public static @Nullable BlueService serving(String apiPath) {

		for (BlueService service : values()) {
			if (service.serves(apiPath)) {
				return service;
			}
		}
		return null;
	}

	/**
	 * Checks a path template given to the emulator (stub or fault) against the services.
	 * @param pathTemplate a path template relative to {@code /m/blue}
	 * @return the template
	 * @throws IllegalArgumentException if no service serves the path
	 */
	public static String requireServed(String pathTemplate) {
		if (serving(pathTemplate) == null) {
			String example = pathTemplate.startsWith("/v1/") ? ", e.g. /cost" + pathTemplate + " for a Cost operation"
					: "";
			throw new IllegalArgumentException("No Blue API service serves " + pathTemplate
					+ ": paths are relative to /m/blue and start with the base of the service" + example + " (bases: "
					+ Arrays.stream(values())
						.map((service) -> service.tag + " " + service.base + service.pathPrefix)
						.collect(Collectors.joining(", "))
					+ ")");
		}
		return pathTemplate;
	}

}
