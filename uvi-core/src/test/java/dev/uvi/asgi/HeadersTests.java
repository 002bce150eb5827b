package dev.uvi.asgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTests {

	@Test
	void namesAreLowerCasedAndOrderAndDuplicatesAreKept() {
		Headers headers = Headers.of("Content-Type", "text/plain", "X-A", "1", "x-a", "2");
		assertThat(headers.size()).isEqualTo(3);
		assertThat(headers.name(0)).isEqualTo("content-type");
		assertThat(headers.getAll("X-A")).containsExactly("1", "2");
		assertThat(headers.get("x-a")).isEqualTo("1");
		assertThat(headers.get("missing")).isNull();
	}

	@Test
	void copiesLeaveTheOriginalUnchanged() {
		Headers original = Headers.of("a", "1");
		Headers more = original.with("B", "2");
		assertThat(original.size()).isEqualTo(1);
		assertThat(more.name(1)).isEqualTo("b");
		assertThat(more.without("a")).isEqualTo(Headers.of("b", "2"));
		assertThat(Headers.builder().add("a", "1").set("A", "3").build()).isEqualTo(Headers.of("a", "3"));
	}

	@Test
	void anOddNumberOfStringsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Headers.of("a"))
			.withMessage("namesAndValues: 1 strings (expected: name/value pairs)");
	}

	@ParameterizedTest
	// uvicorn tests/protocols/test_http.py::test_invalid_header_name
	@ValueSource(strings = { "bad header", "bad\0header", "bad(header", "bad)header", "bad<header", "bad>header",
			"bad@header", "bad,header", "bad;header", "bad:header", "bad[header", "bad]header", "bad{header",
			"bad}header", "bad=header", "bad\"header", "bad\\header", "bad\theader", "bad\u007fheader", "" })
	void namesThatAreNotTokensAreInvalid(String name) {
		assertThat(Headers.isValidName(name)).isFalse();
	}

	@ParameterizedTest
	// uvicorn tests/protocols/test_http.py::test_header_value_allowed_characters
	@ValueSource(strings = { "c", "\t", " ", "\u00b5", "a b\tc" })
	void tabSpaceAndLatin1AreValidInValues(String value) {
		assertThat(Headers.isValidValue(value)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\rb", "a\nb", "a\0b", "a\u007fb", "\u0100" })
	void controlsAndNonLatin1AreInvalidInValues(String value) {
		assertThat(Headers.isValidValue(value)).isFalse();
	}

	@Test
	void firstInvalidPointsAtThePairThatMustNotBeWritten() {
		assertThat(Headers.of("a", "1", "b", "2").firstInvalid()).isEqualTo(-1);
		assertThat(Headers.of("a", "1", "b", "x\r\ny: z").firstInvalid()).isEqualTo(1);
		assertThat(Headers.of("bad name", "1").firstInvalid()).isZero();
	}

	@Test
	void bodiesCompareByContentAndPrintOnlyTheirLength() {
		assertThat(new HttpRequest(new byte[] { 1, 2 }, true)).isEqualTo(new HttpRequest(new byte[] { 1, 2 }, true));
		assertThat(HttpResponseBody.last("secret".getBytes())).hasToString("HttpResponseBody[body=<6 bytes>, moreBody=false]");
		assertThat(WebSocketSend.text("secret").toString()).doesNotContain("secret");
	}
}
