package dev.uvi.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes WebSocket frames byte by byte over a {@link RawHttpClient}, for what real clients refuse to
 * send (unmasked frames, reserved bits, bad UTF-8, oversize control frames), and reads the server's
 * frames back.
 */
public final class RawWebSocket implements AutoCloseable {

	private static final String HANDSHAKE = "GET %s HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
			+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

	private final RawHttpClient client;

	private RawWebSocket(RawHttpClient client) {
		this.client = client;
	}

	/** Connects and completes the handshake on {@code path}; fails unless the answer is 101. */
	public static RawWebSocket open(int port, String path) throws IOException {
		RawHttpClient client = RawHttpClient.connect(port);
		RawHttpClient.Response response = client.send(String.format(HANDSHAKE, path)).readHeadResponse();
		if (response.status() != 101) {
			client.close();
			throw new AssertionError("handshake answered " + response.statusLine());
		}
		return new RawWebSocket(client);
	}

	/** Sends one frame: {@code first} is FIN/RSV/opcode, the payload is masked when {@code masked}. */
	public RawWebSocket frame(int first, byte[] payload, boolean masked) throws IOException {
		ByteBuffer frame = ByteBuffer.allocate(payload.length + 14);
		frame.put((byte) first);
		int maskBit = masked ? 0x80 : 0;
		if (payload.length < 126) {
			frame.put((byte) (maskBit | payload.length));
		}
		else {
			frame.put((byte) (maskBit | 126)).putShort((short) payload.length);
		}
		byte[] mask = { 1, 2, 3, 4 };
		if (masked) {
			frame.put(mask);
		}
		for (int i = 0; i < payload.length; i++) {
			frame.put(masked ? (byte) (payload[i] ^ mask[i % 4]) : payload[i]);
		}
		OutputStream out = this.client.socket().getOutputStream();
		out.write(frame.array(), 0, frame.position());
		out.flush();
		return this;
	}

	/** Sends a final, masked text frame. */
	public RawWebSocket text(String text) throws IOException {
		return frame(0x81, text.getBytes(StandardCharsets.UTF_8), true);
	}

	/**
	 * Reads frames until a close frame and returns its code, or -1 when the server closed the
	 * connection without one.
	 */
	public int readCloseCode() throws IOException {
		DataInputStream in = new DataInputStream(this.client.input());
		while (true) {
			int first = in.read();
			if (first == -1) {
				return -1;
			}
			int length = in.readUnsignedByte() & 0x7f;
			if (length == 126) {
				length = in.readUnsignedShort();
			}
			else if (length == 127) {
				length = (int) in.readLong();
			}
			byte[] payload = in.readNBytes(length);
			if ((first & 0x0f) == 0x8) {
				return (payload.length >= 2) ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.client.close();
	}
}
