package dev.uvi.middleware;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.asgi.ConnectionScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * uvicorn's {@code ProxyHeadersMiddleware}: the {@link ProxyHeaders} rules applied to each HTTP and
 * WebSocket scope before the wrapped application sees it. The server does not need it (it applies
 * the rules itself, see {@link ProxyHeaders}); it is here for applications composed by hand, such as
 * one that sits behind another server's front end.
 */
public final class ProxyHeadersMiddleware implements AsgiApplication {

	private final AsgiApplication application;

	private final ProxyHeaders rules;

	/** uvicorn's behaviour: {@code X-Forwarded-For} and {@code X-Forwarded-Proto} from {@code trustedHosts}. */
	public ProxyHeadersMiddleware(AsgiApplication application, List<String> trustedHosts) {
		this(application, TrustedHosts.of(trustedHosts), false, false);
	}

	/**
	 * @param application the application to call
	 * @param trusted the peers whose headers are believed
	 * @param forwardedHost whether {@code X-Forwarded-Host}/{@code -Port} (and {@code host=} of
	 *     {@code Forwarded}) set the {@code host} header and {@code server}
	 * @param forwarded whether RFC 7239 {@code Forwarded} is read, in preference to {@code X-Forwarded-*}
	 */
	public ProxyHeadersMiddleware(AsgiApplication application, TrustedHosts trusted, boolean forwardedHost,
			boolean forwarded) {
		this.application = application;
		this.rules = new ProxyHeaders(trusted, forwardedHost, forwarded);
	}

	@Override
	public CompletionStage<Void> call(Scope scope, Receive receive, Send send) {
		Scope effective = (scope instanceof ConnectionScope connection) ? this.rules.apply(connection) : scope;
		return this.application.call(effective, receive, send);
	}
}
