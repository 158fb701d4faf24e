package io.github.wavestarter.token;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ServerText}: what is left of text the token endpoint sent once it reaches a
 * message: the length limits and where they cut, control and format characters, and the
 * masking of credentials.
 */
class ServerTextTests {

	private final ServerText plain = ServerText.masking();

	@Test
	void textExactlyAtTheLimitIsKeptWholeOneMoreCharacterIsCut() {
		String text = "d".repeat(ServerText.MAX_TEXT_LENGTH);
		assertThat(this.plain.text(text)).isEqualTo(text);
		assertThat(this.plain.text(text + "e")).isEqualTo(text + "...");
		String code = "c".repeat(ServerText.MAX_CODE_LENGTH);
		assertThat(this.plain.code(code)).isEqualTo(code);
		assertThat(this.plain.code(code + "x")).isEqualTo(code + "...");
		assertThat(this.plain.quoteShort("q".repeat(20))).isEqualTo("'" + "q".repeat(20) + "'");
		assertThat(this.plain.quoteShort("q".repeat(21))).isEqualTo("'" + "q".repeat(20) + "...'");
	}

	@Test
	void aCutNeverSplitsASurrogatePair() {
		String emoji = "\uD83D\uDE00";
		// the pair straddles the limit: it goes whole
		String straddling = "a".repeat(ServerText.MAX_CODE_LENGTH - 1) + emoji;
		assertThat(this.plain.code(straddling)).isEqualTo("a".repeat(ServerText.MAX_CODE_LENGTH - 1) + "...");
		// the pair ends at the limit: it stays
		String ending = "a".repeat(ServerText.MAX_CODE_LENGTH - 2) + emoji + "b";
		assertThat(this.plain.code(ending)).isEqualTo("a".repeat(ServerText.MAX_CODE_LENGTH - 2) + emoji + "...");
	}

	@Test
	void controlAndFormatCharactersBecomeQuestionMarks() {
		assertThat(this.plain.text("a\r\nb\u0000c\u202Ed\u2028e\u2029f\u200Bg\u007Fh\tI"))
			.isEqualTo("a??b?c?d?e?f?g?h?I");
		assertThat(this.plain.code("invalid_grant\r\nX-Injected: 1")).isEqualTo("invalid_grant??X-Injected: 1");
	}

	@Test
	void credentialsAreMaskedLongestFirst() {
		ServerText masking = ServerText.masking("abc", "abcdef", null, "");
		assertThat(masking.text("got abcdef and abc")).isEqualTo("got ****** and ******");
		assertThat(masking.text("nothing here")).isEqualTo("nothing here");
	}

	@Test
	void aCredentialIsMaskedBeforeTheCutSoThatNoPrefixOfItSurvives() {
		ServerText masking = ServerText.masking("s3cr3t-password");
		assertThat(masking.text("bad password s3cr3t-password")).isEqualTo("bad password ******");
		String longText = "x".repeat(ServerText.MAX_TEXT_LENGTH - 5) + "s3cr3t-password";
		assertThat(masking.text(longText)).isEqualTo("x".repeat(ServerText.MAX_TEXT_LENGTH - 5) + "*****...")
			.doesNotContain("s3cr");
	}

	@Test
	void nullStaysNull() {
		assertThat(this.plain.text(null)).isNull();
		assertThat(this.plain.code(null)).isNull();
	}

}
