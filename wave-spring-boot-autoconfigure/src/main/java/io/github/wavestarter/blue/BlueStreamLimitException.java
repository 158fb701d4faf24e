package io.github.wavestarter.blue;

import java.util.List;

/**
 * Raised when a single line of a Blue API stream is longer than the configured maximum
 * ({@code wave.stream.max-line-size}, default 16 MB). The HTTP exchange is cancelled.
 */
public class BlueStreamLimitException extends BlueApiException {

	private static final long serialVersionUID = 1L;

	private final long maxLineSize;

	BlueStreamLimitException(long maxLineSize, long lineNumber) {
		super(200, GrpcCode.RESOURCE_EXHAUSTED.number(), "Line " + lineNumber
				+ " of the Blue API stream exceeds the maximum line size of " + maxLineSize
				+ " bytes; raise it with the property 'wave.stream.max-line-size' (e.g. wave.stream.max-line-size=64MB)"
				+ " or BlueStreams.create(jsonMapper, DataSize)", List.of(), null, null, null);
		this.maxLineSize = maxLineSize;
	}

	/** The limit that was exceeded, in bytes. */
	public long getMaxLineSize() {
		return this.maxLineSize;
	}

}
