package dev.uvi.sample;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.routing.Router;
import dev.uvi.sample.http.BoomEndpoint;
import dev.uvi.sample.http.DownloadEndpoint;
import dev.uvi.sample.http.EchoEndpoint;
import dev.uvi.sample.http.FileEndpoint;
import dev.uvi.sample.http.HealthEndpoint;
import dev.uvi.sample.http.HelloEndpoint;
import dev.uvi.sample.http.ScopeEndpoint;
import dev.uvi.sample.http.SlowEndpoint;
import dev.uvi.sample.http.StateEndpoint;
import dev.uvi.sample.http.StreamEndpoint;
import dev.uvi.sample.http.TrailersEndpoint;
import dev.uvi.sample.http.UploadEndpoint;
import dev.uvi.sample.http.VersionedApi;
import dev.uvi.sample.lifespan.SampleLifespan;
import dev.uvi.sample.websocket.EchoSocket;
import dev.uvi.sample.websocket.RefusingSockets;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The route table of the sample app: the single {@link AsgiApplication} bean the starter serves.
 * Endpoints with state or Spring collaborators are beans; the stateless ones are created here. The
 * lifespan is a {@link dev.uvi.server.Lifespan} bean the starter runs around the server, not part of
 * the router.
 */
@Configuration(proxyBeanMethods = false)
public class SampleAppConfiguration {

	@Bean
	SampleLifespan sampleLifespan(@Value("${sample.fail-startup:false}") boolean failStartup) {
		return new SampleLifespan(failStartup);
	}

	@Bean
	DownloadEndpoint downloadEndpoint() {
		return new DownloadEndpoint();
	}

	@Bean
	HealthEndpoint healthEndpoint(ObjectProvider<ApplicationAvailability> availability) {
		return new HealthEndpoint(availability.getIfAvailable());
	}

	@Bean
	AsgiApplication router(DownloadEndpoint download, HealthEndpoint health,
			@Value("${sample.files-dir:files}") Path filesDirectory) {
		HelloEndpoint hello = new HelloEndpoint();
		ScopeEndpoint scope = new ScopeEndpoint();
		BoomEndpoint boom = new BoomEndpoint();
		RefusingSockets refusing = new RefusingSockets();
		return Router.builder()
			.get("/", hello::hello)
			.post("/echo", new EchoEndpoint()::echo)
			.post("/upload", new UploadEndpoint()::upload)
			.get("/download", download::download)
			.get("/stream", new StreamEndpoint()::stream)
			.get("/slow", new SlowEndpoint()::slow)
			.get("/scope", scope::scope)
			.get("/state", new StateEndpoint()::state)
			.get("/health/live", health::live)
			.get("/health/ready", health::ready)
			.mount("/v1", VersionedApi.v1(scope))
			.mount("/v2", VersionedApi.v2())
			.get("/boom", boom::boom)
			.get("/boom-after-start", boom::boomAfterStart)
			.get("/trailers", new TrailersEndpoint()::trailers)
			.get("/file", new FileEndpoint(filesDirectory)::file)
			.websocket("/ws/echo", new EchoSocket()::echo)
			.websocket("/ws/reject", refusing::reject)
			.websocket("/ws/deny", refusing::deny)
			.build();
	}
}
