package dev.uvi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-socket HTTP/1.1 client for what well-behaved clients cannot do: pipelining, malformed bytes,
 * partial requests, slow reading, and seeing exactly whether the server closed the connection.
 * Every read has a deadline, so a server that hangs fails the test instead of hanging it.
 */
public final class RawHttpClient implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private RawHttpClient(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	/** @return a client connected to {@code 127.0.0.1:port}, reads bounded by 10 s */
	public static RawHttpClient connect(int port) throws IOException {
		return connect(port, Duration.ofSeconds(10));
	}

	/** @return a client connected to {@code 127.0.0.1:port}, each read bounded by {@code readTimeout} */
	public static RawHttpClient connect(int port, Duration readTimeout) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout((int) readTimeout.toMillis());
		return new RawHttpClient(socket);
	}

	/**
	 * @return a client connected to {@code 127.0.0.1:port} with a receive buffer of about
	 *     {@code receiveBufferSize} bytes, set before connecting so the TCP window is small from the
	 *     start: a slow reader that fills up quickly
	 */
	public static RawHttpClient connect(int port, Duration readTimeout, int receiveBufferSize) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(receiveBufferSize);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout((int) readTimeout.toMillis());
		return new RawHttpClient(socket);
	}

	/** @return the socket, for tuning such as a small receive buffer */
	public Socket socket() {
		return this.socket;
	}

	/** Writes the text as latin-1 bytes and flushes. */
	public RawHttpClient send(String text) throws IOException {
		return send(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** Writes the bytes and flushes. */
	public RawHttpClient send(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
		return this;
	}

	/** Reads one whole response (content-length, chunked, or until close when neither is given). */
	public Response readResponse() throws IOException {
		return readResponse(false);
	}

	/** Reads one response to a HEAD request: headers only, whatever they announce. */
	public Response readHeadResponse() throws IOException {
		return readResponse(true);
	}

	/** @return true when the server closed the connection: the next read sees end of stream within the timeout */
	public boolean isClosedByServer() throws IOException {
		try {
			return this.in.read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true; // connection reset
		}
	}

	/** Reads whatever arrives until the server closes the connection (or the read timeout passes). */
	public String readUntilClosed() throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = this.in.read(buffer)) != -1;) {
				all.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("server did not close the connection; received so far:\n"
					+ all.toString(StandardCharsets.ISO_8859_1), ex);
		}
		catch (IOException ex) {
			// reset after the bytes we have
		}
		return all.toString(StandardCharsets.ISO_8859_1);
	}

	/** @return the raw input stream, for tests that read at their own pace */
	public InputStream input() {
		return this.in;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private Response readResponse(boolean head) throws IOException {
		String statusLine = readLine();
		if (statusLine == null) {
			throw new IOException("connection closed before a response");
		}
		List<String[]> headers = new ArrayList<>();
		for (String line; (line = readLine()) != null && !line.isEmpty();) {
			int colon = line.indexOf(':');
			headers.add(new String[] { line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
					line.substring(colon + 1).trim() });
		}
		Response response = new Response(statusLine, headers, new byte[0]);
		int status = response.status();
		if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
			return response;
		}
		String length = response.header("content-length");
		String encoding = response.header("transfer-encoding");
		byte[] body;
		if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
			body = readChunked();
		}
		else if (length != null) {
			body = this.in.readNBytes(Integer.parseInt(length));
		}
		else {
			body = readUntilClosed().getBytes(StandardCharsets.ISO_8859_1);
		}
		return new Response(statusLine, headers, body);
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine();
			if (sizeLine == null) {
				throw new IOException("connection closed inside a chunked body");
			}
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			if (size == 0) {
				for (String trailer; (trailer = readLine()) != null && !trailer.isEmpty();) {
					// trailers are not needed by these tests
				}
				return body.toByteArray();
			}
			body.write(this.in.readNBytes(size));
			readLine();
		}
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c; (c = this.in.read()) != -1;) {
			if (c == '\n') {
				int end = line.length();
				return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
			}
			line.append((char) c);
		}
		return (line.length() == 0) ? null : line.toString();
	}

	/** One response as read off the wire; header names lower-cased. */
	public record Response(String statusLine, List<String[]> headers, byte[] body) {

		public int status() {
			return Integer.parseInt(this.statusLine.split(" ")[1]);
		}

		public String header(String name) {
			for (String[] header : this.headers) {
				if (header[0].equals(name)) {
					return header[1];
				}
			}
			return null;
		}

		public List<String> headerNames() {
			return this.headers.stream().map((header) -> header[0]).toList();
		}

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}
	}
}
