package io.github.wavestarter.test;

import static io.github.wavestarter.test.WaveHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import io.github.wavestarter.test.junit.MockWaveServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code costs:read} takes dates as Alphaus documents them, {@code yyyymmdd} or
 * {@code yyyymm}, and refuses anything else with {@code INVALID_ARGUMENT}.
 */
@MockWaveServerTest
class CostDatesTests {

	static MockWaveServer server;

	static WaveHttp http;

	static String token;

	@BeforeAll
	static void start(MockWaveServer started) {
		server = started;
		http = new WaveHttp(server);
		token = http.accessToken();
	}

	@Test
	void daysAreYyyymmdd() {
		List<String> dates = dates("{\"startTime\":\"20240228\",\"endTime\":\"20240301\"}");

		assertThat(dates).containsOnly("2024-02-28", "2024-02-29", "2024-03-01");
	}

	@Test
	void monthsAreYyyymmFromTheFirstToTheLastDay() {
		List<String> dates = dates("{\"startTime\":\"202402\",\"endTime\":\"202402\"}");

		assertThat(dates).hasSize(29 * 3 * 7).contains("2024-02-01", "2024-02-29");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"2024-05-01\"", "\"2024-05\"", "\"2024051\"", "\"20240230\"", "\"202413\"",
			"\"20240501T00\"", "20240501", "\"May 2024\"" })
	void otherFormatsAreInvalidArgument(String startTime) {
		HttpResponse<String> response = http.post("/cost/v1/aws/costs:read", token,
				"{\"startTime\":" + startTime + ",\"endTime\":\"20240531\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = json(response.body());
		assertThat(error.path("code").asInt()).isEqualTo(3);
		assertThat(error.path("message").asString()).startsWith("startTime ");
	}

	@Test
	void anInvalidEndTimeIsNamed() {
		HttpResponse<String> response = http.post("/cost/v1/aws/costs:read", token,
				"{\"startTime\":\"20240501\",\"endTime\":\"2024-05-31\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response.body()).path("message").asString())
			.isEqualTo("endTime must have the format yyyymmdd or yyyymm, got \"2024-05-31\"");
	}

	private static List<String> dates(String body) {
		HttpResponse<String> response = http.post("/cost/v1/aws/costs:read", token, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body()
			.lines()
			.map((line) -> json(line).path("result").path("aws").path("date").asString())
			.toList();
	}

}
