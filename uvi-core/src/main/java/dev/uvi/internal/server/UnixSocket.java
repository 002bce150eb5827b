package dev.uvi.internal.server;

import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServerException;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import reactor.netty.resources.LoopResources;

/**
 * Binding a unix domain socket as uvicorn's {@code --uds} does: a stale file is removed first, the
 * file gets the configured permissions, and it is removed at shutdown. The native transport (epoll)
 * wants Netty's address type; without it, NIO serves the JDK's (JDK 16+).
 */
final class UnixSocket {

	private static final PosixFilePermission[] BITS = { PosixFilePermission.OTHERS_EXECUTE,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ };

	private UnixSocket() {
	}

	/** @return whether the event loops may use the native transport: always, unless a unix socket needs NIO */
	static boolean preferNative(UviConfig config) {
		return config.uds() == null || LoopResources.hasNativeSupport();
	}

	static Supplier<SocketAddress> address(Path path) {
		boolean nativeTransport = LoopResources.hasNativeSupport();
		return () -> nativeTransport ? new DomainSocketAddress(path.toString()) : UnixDomainSocketAddress.of(path);
	}

	static void removeStale(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UviServerException("uds: " + path + " (expected: a path the server may remove and create: "
					+ ex.getMessage() + ")", ex);
		}
	}

	static void setPermissions(Path path, int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		for (int bit = 0; bit < BITS.length; bit++) {
			if ((mode & (1 << bit)) != 0) {
				permissions.add(BITS[bit]);
			}
		}
		try {
			Files.setPosixFilePermissions(path, permissions);
		}
		catch (IOException | UnsupportedOperationException ex) {
			throw new UviServerException("uds-permissions: cannot set " + Integer.toOctalString(mode) + " on " + path
					+ " (" + ex.getMessage() + ")", ex);
		}
	}
}
