package io.github.wavestarter.blue.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Spec {@code protosOperation}: a long-running operation, as {@code
 * costs:calculate} and {@code reports:export} answer it; poll it with {@code GET
 * /ops/v1/{name}} (see {@code BlueOperations}).
 *
 * @param name the server-assigned name
 * @param metadata service-specific metadata ({@code google.protobuf.Any})
 * @param done whether the operation is complete ({@code null} means {@code false})
 * @param error the error, if it failed
 * @param response the result, if it succeeded ({@code google.protobuf.Any})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Operation(@Nullable String name, @Nullable JsonNode metadata, @Nullable Boolean done,
		Operation.@Nullable Status error, @Nullable JsonNode response) {

	/**
	 * Spec {@code rpcStatus}: the error of a failed operation.
	 *
	 * @param code the gRPC code
	 * @param message the message
	 * @param details the details
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Status(@Nullable Integer code, @Nullable String message, @Nullable List<JsonNode> details) {
	}

	/**
	 * @return whether {@code done} is {@code true}
	 */
	public boolean isDone() {
		return Boolean.TRUE.equals(this.done);
	}

}
