package io.github.wavestarter.blue.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Spec {@code v1ExportReportRequest}: body of {@code POST
 * /cost/v1/reports:export}. {@code null} fields are omitted from the JSON.
 *
 * @param month required: billing month, {@code yyyy-mm} (e.g. {@code 2026-10})
 * @param vendor {@code aws} (default), {@code gcp} or {@code azure}
 * @param notificationChannelIds channels to deliver to (default: the MSP default channel)
 * @param awsOptions AWS options
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportReportRequest(@Nullable String month, @Nullable String vendor,
		@Nullable List<String> notificationChannelIds, ExportReportRequest.@Nullable AwsOptions awsOptions) {

	/**
	 * Spec {@code v1AwsExportReportOptions}. {@code null} fields are omitted from the
	 * JSON.
	 *
	 * @param includeExpired include expired RIs/SPs
	 * @param language {@code en} or {@code ja}
	 * @param queries required: at least one report query
	 * @param columns global column filter
	 * @param columnsByQuery per-report columns
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AwsOptions(@Nullable Boolean includeExpired, @Nullable String language,
			@Nullable List<String> queries, @Nullable List<String> columns,
			@Nullable Map<String, ExportReportRequest.Columns> columnsByQuery) {
	}

	/**
	 * Spec {@code AwsExportReportOptionsColumns}. {@code null} fields are omitted from
	 * the JSON.
	 *
	 * @param values the columns
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Columns(@Nullable List<String> values) {
	}

	/**
	 * AWS report export of the given queries.
	 * @param month billing month, {@code yyyy-mm}
	 * @param queries report queries, at least one
	 * @return the request
	 */
	public static ExportReportRequest aws(String month, List<String> queries) {
		return new ExportReportRequest(month, "aws", null,
				new AwsOptions(null, null, List.copyOf(queries), null, null));
	}

}
