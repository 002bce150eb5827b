package dev.uvi.server;

import dev.uvi.middleware.TrustedHosts;
import java.util.List;
import java.util.Objects;

/**
 * Proxy-header settings: uvicorn's {@code --proxy-headers} and {@code --forwarded-allow-ips}, plus two
 * opt-ins uvicorn lacks. Applied by {@link dev.uvi.middleware.ProxyHeadersMiddleware}, which the
 * server wraps around the application when {@code enabled}.
 *
 * @param enabled whether {@code X-Forwarded-For}/{@code -Proto} from trusted peers are applied; default true
 * @param forwardedAllowIps the trusted peers: addresses, CIDRs, {@code *} for all; default {@code 127.0.0.1}
 * @param forwardedHost whether {@code X-Forwarded-Host}/{@code -Port} set the {@code host} header and
 *     the scope's {@code server}; default false
 * @param forwarded whether RFC 7239 {@code Forwarded} is read, in preference to {@code X-Forwarded-*}; default false
 */
public record ProxyHeadersConfig(boolean enabled, List<String> forwardedAllowIps, boolean forwardedHost,
		boolean forwarded) {

	public ProxyHeadersConfig {
		forwardedAllowIps = List.copyOf(Objects.requireNonNull(forwardedAllowIps, "forwardedAllowIps"));
		TrustedHosts.of(forwardedAllowIps); // a malformed CIDR fails here, naming forwarded-allow-ips
	}

	/** @return uvicorn's defaults: on, trusting 127.0.0.1 only */
	public static ProxyHeadersConfig defaults() {
		return new ProxyHeadersConfig(true, List.of("127.0.0.1"), false, false);
	}

	/** @return the trusted peers, parsed */
	public TrustedHosts trustedHosts() {
		return TrustedHosts.of(this.forwardedAllowIps);
	}
}
