package dev.uvi.middleware;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.jspecify.annotations.Nullable;

/**
 * uvicorn's {@code forwarded-allow-ips}: IP addresses, CIDR networks, {@code *} for everyone, and
 * anything else (a unix socket path) as a literal; an address with a bad prefix length is refused.
 * Addresses compare by value, so two spellings of one IPv6 address match. Nothing is ever resolved
 * through DNS.
 */
public final class TrustedHosts {

	private final boolean everyone;

	private final Set<String> literals = new HashSet<>();

	private final List<byte[]> networks = new ArrayList<>();

	private final List<Integer> prefixes = new ArrayList<>();

	private TrustedHosts(List<String> entries) {
		boolean all = false;
		for (String raw : entries) {
			String entry = raw.strip();
			if (entry.equals("*")) {
				all = true;
			}
			else if (entry.contains("/") && addressBytes(entry.substring(0, entry.indexOf('/'))) != null) {
				addNetwork(entry);
			}
			else if (!entry.isEmpty()) {
				byte[] address = addressBytes(entry);
				if (address != null) {
					this.networks.add(address);
					this.prefixes.add(address.length * 8);
				}
				else {
					this.literals.add(entry);
				}
			}
		}
		this.everyone = all;
	}

	/**
	 * @param entries addresses, CIDRs, {@code *}, or literals; each may itself be a comma list
	 * @return the parsed set
	 * @throws IllegalArgumentException for a malformed CIDR
	 */
	public static TrustedHosts of(List<String> entries) {
		List<String> split = new ArrayList<>();
		for (String entry : entries) {
			for (String part : entry.split(",")) {
				split.add(part);
			}
		}
		return new TrustedHosts(split);
	}

	/** @return true when every peer is trusted ({@code *}) */
	public boolean trustsEveryone() {
		return this.everyone;
	}

	/** @return true when {@code host} (an address literal or a socket path) is trusted */
	public boolean contains(@Nullable String host) {
		if (this.everyone) {
			return true;
		}
		if (host == null || host.isEmpty()) {
			return false;
		}
		if (this.literals.contains(host)) {
			return true;
		}
		byte[] address = addressBytes(host);
		if (address == null) {
			return false;
		}
		for (int i = 0; i < this.networks.size(); i++) {
			if (matches(this.networks.get(i), this.prefixes.get(i), address)) {
				return true;
			}
		}
		return false;
	}

	private void addNetwork(String cidr) {
		int slash = cidr.indexOf('/');
		byte[] network = addressBytes(cidr.substring(0, slash));
		int prefix;
		try {
			prefix = Integer.parseInt(cidr.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			prefix = -1;
		}
		if (network == null || prefix < 0 || prefix > network.length * 8) {
			throw new IllegalArgumentException("forwarded-allow-ips: '" + cidr
					+ "' (expected: an IP address, a CIDR such as 10.0.0.0/8, or *)");
		}
		this.networks.add(network);
		this.prefixes.add(prefix);
	}

	/** @return the address bytes of an IP literal (IPv4-mapped IPv6 as IPv4), null for anything else; never DNS */
	private static byte @Nullable [] addressBytes(String text) {
		if (NetUtil.isValidIpV4Address(text)) {
			return NetUtil.createByteArrayFromIpAddressString(text); // the common case, without the JDK's parser
		}
		boolean ipv6 = text.indexOf(':') >= 0
				&& text.chars().allMatch((c) -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
		if (!ipv6) {
			return null; // the JDK parses a string with a colon as an IPv6 literal, never as a name
		}
		try {
			return InetAddress.getByName(text).getAddress(); // a literal: parsed, not resolved
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static boolean matches(byte[] network, int prefix, byte[] address) {
		if (network.length != address.length) {
			return false;
		}
		for (int bit = 0; bit < prefix; bit += 8) {
			int bits = Math.min(8, prefix - bit);
			int mask = (0xff << (8 - bits)) & 0xff;
			if ((network[bit / 8] & mask) != (address[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}
}
