package dev.uvi.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A client on a slow link: asks for {@code GET /download?size=N} and reads it at a fixed rate for a
 * bounded time, so run.sh can watch whether the server's memory grows with the unread rest of the body
 * (it must not: a server that honours back-pressure stops producing when the socket is full). A small
 * receive buffer keeps the kernel from absorbing much of the body for the client.
 *
 * <p>Arguments: {@code host port size bytes-per-second seconds}. Prints {@code status: S length: L} after
 * the response head, then {@code read: B bytes in T s} when the time is up or the body has ended.
 */
public final class SlowDownload {

	private static final int READ_SIZE = 16 * 1024;

	private SlowDownload() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		long size = Long.parseLong(args[2]);
		long rate = Long.parseLong(args[3]);
		long seconds = Long.parseLong(args[4]);
		try (Socket socket = new Socket()) {
			socket.setReceiveBufferSize(64 * 1024); // before connect, so the window is small from the start
			socket.connect(new InetSocketAddress(host, port));
			socket.getOutputStream().write(("GET /download?size=" + size + " HTTP/1.1\r\nHost: " + host + ":" + port
					+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			String head = head(in);
			System.out.println("status: " + head.split(" ", 3)[1] + " length: " + contentLength(head));
			System.out.flush();
			byte[] buffer = new byte[READ_SIZE];
			long read = 0;
			long start = System.nanoTime();
			long end = start + seconds * 1_000_000_000L;
			for (int n; System.nanoTime() < end && (n = in.read(buffer)) > 0;) {
				read += n;
				long due = start + read * 1_000_000_000L / rate; // when this many bytes may have been read
				long ahead = due - System.nanoTime();
				if (ahead > 0) {
					Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
				}
			}
			System.out.printf(Locale.ROOT, "read: %d bytes in %.1f s%n", read, (System.nanoTime() - start) / 1e9);
		}
	}

	/** Reads the response head byte by byte (it is short), so no body byte is taken before the clock runs. */
	private static String head(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int tail = 0;
		for (int b; (b = in.read()) >= 0;) {
			head.write(b);
			tail = (tail << 8) | b;
			if (tail == 0x0d0a0d0a) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		throw new IOException("connection closed in the response head: " + head.toString(StandardCharsets.ISO_8859_1));
	}

	private static String contentLength(String head) {
		for (String line : head.split("\r\n")) {
			if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
				return line.substring(15).trim();
			}
		}
		return "-";
	}
}
