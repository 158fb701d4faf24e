package io.github.wavestarter.blue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wavestarter.blue.api.Operation;
import io.github.wavestarter.blue.api.OperationsApi;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link BlueOperations} against a scripted {@code GET /ops/v1/{name}}, on virtual time:
 * the backoff, the {@code done} / {@code error} / {@code response} semantics of the
 * spec's {@code protosOperation}, and the bounded wait.
 */
class BlueOperationsTests {

	private static final Duration VERIFY = Duration.ofSeconds(10);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final List<String> polled = new ArrayList<>();

	private Operation running(String name) {
		return new Operation(name, null, false, null, null);
	}

	private Operation done(String name, String responseJson) {
		return new Operation(name, null, true, null, this.mapper.readTree(responseJson));
	}

	/** An Operations service whose operation is done at the given poll (from 1). */
	private OperationsApi doneAtPoll(int poll, Operation finished) {
		AtomicInteger polls = new AtomicInteger();
		return (name) -> Mono.fromSupplier(() -> {
			this.polled.add(name);
			return (polls.incrementAndGet() >= poll) ? finished : running(name);
		});
	}

	@Test
	void anOperationAlreadyDoneIsNotPolled() {
		BlueOperations operations = BlueOperations.create((name) -> {
			throw new AssertionError("polled " + name);
		});

		StepVerifier.create(operations.await(done("op-1", "{\"url\":\"u\"}"), Duration.ofSeconds(1)))
			.assertNext((response) -> assertThat(response.path("url").asString()).isEqualTo("u"))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void pollsWithDoublingBackoffUntilDoneAndAnswersTheResponse() {
		Operation finished = done("op-2", "{\"@type\":\"type.googleapis.com/x\",\"ok\":true}");
		BlueOperations operations = BlueOperations.create(doneAtPoll(3, finished));

		StepVerifier.withVirtualTime(() -> operations.await(running("op-2"), Duration.ofMinutes(5)))
			.expectSubscription()
			.then(() -> assertThat(this.polled).isEmpty())
			.thenAwait(Duration.ofMillis(999))
			.then(() -> assertThat(this.polled).isEmpty())
			.thenAwait(Duration.ofMillis(1))
			.then(() -> assertThat(this.polled).hasSize(1))
			.thenAwait(Duration.ofMillis(1999))
			.then(() -> assertThat(this.polled).hasSize(1))
			.thenAwait(Duration.ofMillis(1))
			.then(() -> assertThat(this.polled).hasSize(2))
			.thenAwait(Duration.ofSeconds(4))
			.assertNext((response) -> assertThat(response.path("ok").asBoolean()).isTrue())
			.expectComplete()
			.verify(VERIFY);
		assertThat(this.polled).containsExactly("op-2", "op-2", "op-2");
	}

	@Test
	void theBackoffIsCappedAtTheMaxInterval() {
		BlueOperations operations = BlueOperations.create((name) -> Mono.empty())
			.withBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));

		assertThat(List.of(operations.interval(0), operations.interval(1), operations.interval(2),
				operations.interval(3), operations.interval(30)))
			.containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
					Duration.ofSeconds(3), Duration.ofSeconds(3));
	}

	@Test
	void aFailedOperationIsABlueApiExceptionWithItsGrpcCode() {
		JsonNode detail = this.mapper.readTree("{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\"}");
		Operation failed = new Operation("op-3", null, true,
				new Operation.Status(9, "calculation prerequisites missing", List.of(detail)), null);
		BlueOperations operations = BlueOperations.create(doneAtPoll(1, failed));

		StepVerifier.withVirtualTime(() -> operations.await(running("op-3"), Duration.ofMinutes(1)))
			.thenAwait(Duration.ofSeconds(1))
			.expectErrorSatisfies((error) -> {
				BlueApiException ex = (BlueApiException) error;
				assertThat(ex.getGrpcCode()).isEqualTo(GrpcCode.FAILED_PRECONDITION);
				assertThat(ex.getApiMessage()).isEqualTo("calculation prerequisites missing");
				assertThat(ex.getDetails()).containsExactly(detail);
				assertThat(ex.getMessage()).contains("op-3");
			})
			.verify(VERIFY);
	}

	@Test
	void anErrorWithCodeZeroIsNoFailure() {
		Operation finished = new Operation("op-4", null, true, new Operation.Status(0, "", List.of()),
				this.mapper.readTree("{\"n\":1}"));
		BlueOperations operations = BlueOperations.create((name) -> Mono.empty());

		StepVerifier.create(operations.await(finished, Duration.ofSeconds(1)))
			.assertNext((response) -> assertThat(response.path("n").asInt()).isEqualTo(1))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void aDoneOperationWithoutResponseCompletesEmpty() {
		BlueOperations operations = BlueOperations.create(doneAtPoll(1, new Operation("op-5", null, true, null, null)));

		StepVerifier.withVirtualTime(() -> operations.await(running("op-5"), Duration.ofMinutes(1)))
			.thenAwait(Duration.ofSeconds(1))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void theWaitEndsAtTheTimeoutNamingTheOperationAndTheTimeout() {
		BlueOperations operations = BlueOperations.create(doneAtPoll(Integer.MAX_VALUE, running("never")));

		StepVerifier.withVirtualTime(() -> operations.await(running("op-6"), Duration.ofSeconds(10)))
			.thenAwait(Duration.ofSeconds(9))
			.then(() -> assertThat(this.polled).hasSize(3)) // after 1 s, 3 s and 7 s
			.thenAwait(Duration.ofSeconds(1))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(BlueOperationTimeoutException.class)
					.hasMessageContaining("op-6")
					.hasMessageContaining("PT10S");
				BlueOperationTimeoutException ex = (BlueOperationTimeoutException) error;
				assertThat(ex.getOperationName()).isEqualTo("op-6");
				assertThat(ex.getTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(ex.getPolls()).isEqualTo(3);
			})
			.verify(VERIFY);
	}

	@Test
	void aFailedPollEndsTheWaitWithItsError() {
		BlueApiException notFound = new BlueApiException(404, 5, "operation not found", List.of(), null, null, null);
		BlueOperations operations = BlueOperations.create((name) -> Mono.error(notFound));

		StepVerifier.withVirtualTime(() -> operations.await(running("op-7"), Duration.ofMinutes(1)))
			.thenAwait(Duration.ofSeconds(1))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(notFound))
			.verify(VERIFY);
	}

	@Test
	void anOperationWithoutNameOrANonPositiveTimeoutIsRefused() {
		BlueOperations operations = BlueOperations.create((name) -> Mono.empty());

		StepVerifier.create(operations.await(new Operation(null, null, false, null, null), Duration.ofSeconds(1)))
			.expectError(IllegalArgumentException.class)
			.verify(VERIFY);
		assertThatIllegalArgumentException().isThrownBy(() -> operations.await(running("x"), Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> operations.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
	}

}
