package dev.uvi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uvi.asgi.WebSocketDisconnect;
import dev.uvi.testing.RawWebSocket;
import dev.uvi.testing.ServerFixture;
import dev.uvi.testing.WebSocketApps;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What real clients refuse to send, written frame by frame: each gets the close code RFC 6455 names. */
class WebSocketProtocolErrorTests {

	@RegisterExtension
	final ServerFixture fixture = new ServerFixture();

	private final CompletableFuture<WebSocketDisconnect> disconnect = new CompletableFuture<>();

	private RawWebSocket open() throws Exception {
		return RawWebSocket.open(this.fixture.start(WebSocketApps.echo(this.disconnect)), "/ws");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "c328", // a lead byte without its continuation
			"c0af", "e080af", "f08080af", // overlong forms of '/'
			"eda080", "edbfbf", // UTF-16 surrogates, which UTF-8 may not encode
			"f4908080", "f5808080", // past U+10FFFF
			"e282", "ff", "80" }) // cut short; bytes that never occur
	void invalidUtf8InATextMessageClosesWith1007(String hex) throws Exception {
		try (RawWebSocket socket = open()) {
			socket.frame(0x81, HexFormat.of().parseHex(hex), true);
			assertThat(socket.readCloseCode()).isEqualTo(1007);
		}
	}

	@Test
	void unmaskedClientFrameClosesWith1002() throws Exception {
		try (RawWebSocket socket = open()) {
			socket.frame(0x81, "hi".getBytes(), false);
			assertThat(socket.readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void reservedBitsCloseWith1002() throws Exception {
		try (RawWebSocket socket = open()) {
			socket.frame(0x81 | 0x20, "hi".getBytes(), true);
			assertThat(socket.readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void unknownOpcodeClosesWith1002() throws Exception {
		try (RawWebSocket socket = open()) {
			socket.frame(0x83, "hi".getBytes(), true);
			assertThat(socket.readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void controlFrameOver125BytesClosesWith1002() throws Exception {
		try (RawWebSocket socket = open()) {
			socket.frame(0x89, new byte[126], true);
			assertThat(socket.readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void fragmentedControlFrameClosesWith1002() throws Exception {
		try (RawWebSocket socket = open()) {
			socket.frame(0x09, "ping".getBytes(), true);
			assertThat(socket.readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void closeWithoutACodeReachesTheApplicationAs1005() throws Exception {
		try (RawWebSocket socket = open()) {
			socket.frame(0x88, new byte[0], true);
			socket.readCloseCode();
		}
		assertThat(this.disconnect.get().code()).isEqualTo(1005);
	}

	@Test
	void closeWithAnInvalidCodeClosesWith1002() throws Exception {
		try (RawWebSocket socket = open()) {
			socket.frame(0x88, new byte[] { 0x03, (byte) 0xe7 }, true); // 999: not a code a peer may send
			assertThat(socket.readCloseCode()).isEqualTo(1002);
		}
	}

	@Test
	void pingBetweenFragmentsIsAnsweredAndTheMessageStillArrivesWhole() throws Exception {
		try (RawWebSocket socket = open()) {
			socket.frame(0x01, "hel".getBytes(), true).frame(0x89, "p".getBytes(), true).frame(0x80, "lo".getBytes(), true);
			socket.frame(0x88, new byte[] { 0x03, (byte) 0xe8 }, true);
			assertThat(socket.readCloseCode()).isEqualTo(1000);
		}
		assertThat(this.disconnect.get().code()).isEqualTo(1000);
	}
}
