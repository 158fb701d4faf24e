package io.github.wavestarter.test;

import io.github.wavestarter.test.junit.MockWaveServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the emulator's protocol tests share: the {@link MockWaveServerTest} server of the
 * class, a {@link WaveHttp} client of it and an access token obtained before the first
 * test. The journal is cleared after that token request, so every test starts with an
 * empty journal; the extension resets the server after each test.
 */
@MockWaveServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorFixture {

	/** The server of this test class. */
	MockWaveServer server;

	/** A hand-written client of {@link #server}. */
	WaveHttp http;

	/** A valid access token of the client credentials grant. */
	String token;

	@BeforeAll
	void connect(MockWaveServer started) {
		this.server = started;
		this.http = new WaveHttp(started);
		this.token = this.http.accessToken();
		started.journal().clear();
	}

}
