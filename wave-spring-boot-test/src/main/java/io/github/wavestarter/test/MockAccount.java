package io.github.wavestarter.test;

import java.util.List;
import java.util.Objects;

/**
 * A vendor account known to the emulator, listed by {@code GET
 * /cost/v1/{vendor}/accounts} and used for generated cost rows.
 *
 * @param vendor vendor, e.g. {@code aws} or {@code gcp}
 * @param id account id, e.g. a 12-digit AWS account id
 * @param name display name
 */
public record MockAccount(String vendor, String id, String name) {

	/** Validates the fields. */
	public MockAccount {
		Objects.requireNonNull(vendor, "vendor");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		if (!id.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("account id must match [A-Za-z0-9_-]+: " + id);
		}
	}

	/**
	 * @return the default data set: three AWS accounts and two GCP projects
	 */
	public static List<MockAccount> defaults() {
		return List.of(new MockAccount("aws", "123456789012", "production"),
				new MockAccount("aws", "234567890123", "staging"),
				new MockAccount("aws", "345678901234", "development"),
				new MockAccount("gcp", "mock-project-prod", "GCP production"),
				new MockAccount("gcp", "mock-project-dev", "GCP development"));
	}
}
