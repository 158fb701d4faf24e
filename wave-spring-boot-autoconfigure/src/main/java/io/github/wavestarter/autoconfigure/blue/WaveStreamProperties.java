package io.github.wavestarter.autoconfigure.blue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings for decoding Blue API server streams ({@code wave.stream.*}).
 */
@ConfigurationProperties("wave.stream")
public class WaveStreamProperties {

	/**
	 * Maximum size of a single newline-delimited line (one row) of a Blue API streaming
	 * response. A longer line fails the stream with BlueStreamLimitException instead of
	 * buffering it. Memory per stream is bounded by this value plus one network chunk.
	 * Between 1B and 2047MB.
	 */
	private DataSize maxLineSize = DataSize.ofMegabytes(16);

	public DataSize getMaxLineSize() {
		return this.maxLineSize;
	}

	public void setMaxLineSize(DataSize maxLineSize) {
		this.maxLineSize = maxLineSize;
	}

}
