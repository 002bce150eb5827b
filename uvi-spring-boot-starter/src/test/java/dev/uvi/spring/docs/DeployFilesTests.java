package dev.uvi.spring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * The files in {@code deploy/} agree with each other and with the sample app: every stop budget is above
 * uvi's graceful timeout (read from the files themselves, where the value is passed), probes hit the
 * sample's health routes, ports match. Syntax is {@code deploy/check.sh}'s job (nginx, systemd).
 */
class DeployFilesTests {

	private static final Path DEPLOY = Path.of("..", "deploy");

	private static final Pattern GRACEFUL = Pattern.compile("--uvi\\.timeout-graceful-shutdown=([0-9a-z.]+)");

	private static final Pattern PHASE = Pattern
		.compile("--spring\\.lifecycle\\.timeout-per-shutdown-phase=([0-9a-z.]+)");

	@Test
	void kubernetesGivesTheDrainMoreTimeThanPreStopPlusTheGracefulTimeout() throws IOException {
		Map<String, Object> pod = map(map(load("k8s/deployment.yaml"), "spec", "template"), "spec");
		Map<String, Object> container = container(pod);
		String args = String.join(" ", list(container, "args"));
		Duration graceful = duration(GRACEFUL, args);
		Duration preStop = Duration.ofSeconds(Long.parseLong(
				list(map(container, "lifecycle", "preStop", "exec"), "command").get(1)));
		Duration grace = Duration.ofSeconds(((Number) pod.get("terminationGracePeriodSeconds")).longValue());
		assertThat(graceful).isPositive();
		assertThat(grace).isGreaterThan(preStop.plus(graceful));
		assertThat(duration(PHASE, args)).isGreaterThanOrEqualTo(graceful);
	}

	@Test
	void kubernetesProbesHitTheSampleHealthRoutesOnTheUviPort() throws IOException {
		Map<String, Object> container = container(map(map(load("k8s/deployment.yaml"), "spec", "template"), "spec"));
		Map<String, Object> port = maps(container, "ports").get(0);
		Map<String, String> env = new LinkedHashMap<>();
		maps(container, "env").forEach((variable) -> env.put((String) variable.get("name"),
				(String) variable.get("value")));
		assertThat(port.get("containerPort")).isEqualTo(Integer.parseInt(env.get("UVI_PORT")));
		assertThat(env).containsEntry("UVI_HOST", "0.0.0.0");
		assertThat(map(container, "livenessProbe", "httpGet")).containsEntry("path", "/health/live")
			.containsEntry("port", port.get("name"));
		assertThat(map(container, "startupProbe", "httpGet")).containsEntry("path", "/health/live")
			.containsEntry("port", port.get("name"));
		assertThat(map(container, "readinessProbe", "httpGet")).containsEntry("path", "/health/ready")
			.containsEntry("port", port.get("name"));
		String routes = Files.readString(Path.of("..", "uvi-sample-app", "src", "main", "java", "dev", "uvi",
				"sample", "SampleAppConfiguration.java"));
		assertThat(routes).contains("\"/health/live\"", "\"/health/ready\"");
	}

	@Test
	void theServiceAndTheAutoscalerPointAtTheDeployment() throws IOException {
		Map<String, Object> deployment = load("k8s/deployment.yaml");
		Map<String, Object> labels = map(deployment, "spec", "template", "metadata", "labels");
		Map<String, Object> container = container(map(map(deployment, "spec", "template"), "spec"));
		Map<String, Object> service = load("k8s/service.yaml");
		assertThat(map(service, "spec", "selector")).isEqualTo(labels);
		assertThat(maps(map(service, "spec"), "ports").get(0).get("targetPort"))
			.isEqualTo(maps(container, "ports").get(0).get("name"));
		Map<String, Object> hpa = map(load("k8s/hpa.yaml"), "spec");
		assertThat(map(hpa, "scaleTargetRef")).containsEntry("kind", "Deployment")
			.containsEntry("name", map(deployment, "metadata").get("name"));
		assertThat((Integer) hpa.get("minReplicas")).isLessThanOrEqualTo((Integer) hpa.get("maxReplicas"));
		assertThat(map(container, "resources", "requests")).containsKey("cpu"); // utilization is relative to it
		assertThat(map(pod(deployment), "securityContext")).containsEntry("runAsNonRoot", true);
	}

	@Test
	void systemdWaitsLongerThanTheDrainAndCountsTheStopAsSuccess() throws IOException {
		Map<String, String> unit = new LinkedHashMap<>();
		for (String line : Files.readAllLines(DEPLOY.resolve("uvi-sample.service"))) {
			int equals = line.indexOf('=');
			if (!line.startsWith("#") && equals > 0) {
				unit.put(line.substring(0, equals), line.substring(equals + 1));
			}
		}
		String execStart = unit.get("ExecStart");
		Duration graceful = duration(GRACEFUL, execStart);
		assertThat(execStart).contains(" -jar ");
		assertThat(Duration.ofSeconds(Long.parseLong(unit.get("TimeoutStopSec")))).isGreaterThan(graceful);
		assertThat(duration(PHASE, execStart)).isGreaterThanOrEqualTo(graceful);
		assertThat(unit).containsEntry("KillSignal", "SIGTERM").containsEntry("SuccessExitStatus", "143")
			.containsEntry("Restart", "on-failure");
	}

	@Test
	void theDockerfileBuildsLayersOntoAJreTrainsACdsArchiveAndRunsTheAppAsNonRoot() throws IOException {
		List<String> instructions = dockerInstructions();
		List<String> stages = instructions.stream().filter((line) -> line.startsWith("FROM ")).toList();
		assertThat(stages).containsExactly("FROM eclipse-temurin:17-jdk AS build",
				"FROM eclipse-temurin:17-jre AS runtime");
		assertThat(instructions).anyMatch((line) -> line.startsWith("RUN ") && line.contains("./mvnw "))
			.anyMatch((line) -> line.contains("-Djarmode=tools")
					&& line.contains("extract --layers --application-filename app.jar"));
		assertThat(instructions.stream().filter((line) -> line.startsWith("COPY --from=build")))
			.containsExactly("COPY --from=build /extracted/dependencies/ ./",
					"COPY --from=build /extracted/spring-boot-loader/ ./",
					"COPY --from=build /extracted/snapshot-dependencies/ ./",
					"COPY --from=build /extracted/application/ ./");
		assertThat(instructions).contains("USER 10001:10001", "ENV UVI_HOST=0.0.0.0", "EXPOSE 8000",
				"STOPSIGNAL SIGTERM");
		String entrypoint = instructions.stream().filter((line) -> line.startsWith("ENTRYPOINT ")).findFirst()
			.orElseThrow();
		assertThat(entrypoint).startsWith("ENTRYPOINT [\"java\", ")
			.contains("\"-XX:SharedArchiveFile=app.jsa\"")
			.endsWith("\"-jar\", \"app.jar\"]");
		// Spring's CDS training run, in the runtime stage (the archive belongs to its JVM), on the copied layers
		String training = instructions.stream().filter((line) -> line.contains("-XX:ArchiveClassesAtExit="))
			.findFirst().orElseThrow();
		assertThat(training).isEqualTo("RUN java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh "
				+ "-jar app.jar");
		assertThat(instructions.indexOf(training)).isGreaterThan(instructions.indexOf(
				"COPY --from=build /extracted/application/ ./"))
			.isLessThan(instructions.indexOf("USER 10001:10001"));
		String cmd = instructions.stream().filter((line) -> line.startsWith("CMD ")).findFirst().orElseThrow();
		String k8sArgs = String.join(" ", list(container(pod(load("k8s/deployment.yaml"))), "args"));
		assertThat(duration(GRACEFUL, cmd)).isEqualTo(duration(GRACEFUL, k8sArgs));
		assertThat(instructions.indexOf("USER 10001:10001")).isGreaterThan(instructions.indexOf(stages.get(1)));
	}

	@Test
	void nginxKeepsUpstreamConnectionsShorterThanUviAndPassesUpgrades() throws IOException {
		String site = Files.readString(DEPLOY.resolve("nginx.conf"));
		assertThat(site).contains("map $http_upgrade $connection_upgrade", "proxy_http_version 1.1;",
				"proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;",
				"proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
				"proxy_set_header X-Forwarded-Proto $scheme;", "proxy_set_header X-Forwarded-Host $host;",
				"server unix:");
		Matcher keepalive = Pattern.compile("keepalive_timeout (\\d+)s;").matcher(site);
		while (keepalive.find()) {
			// uvi.timeout-keep-alive defaults to 5s (the sample does not change it)
			assertThat(Duration.ofSeconds(Long.parseLong(keepalive.group(1)))).isLessThan(Duration.ofSeconds(5));
		}
	}

	private static List<String> dockerInstructions() throws IOException {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : Files.readAllLines(DEPLOY.resolve("Dockerfile"))) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			current.append(current.isEmpty() ? "" : " ").append(line.strip());
			if (line.endsWith("\\")) {
				current.setLength(current.length() - 1);
				continue;
			}
			instructions.add(current.toString().replaceAll("\\s+", " "));
			current.setLength(0);
		}
		return instructions;
	}

	private static Duration duration(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return DurationStyle.detectAndParse(matcher.group(1));
	}

	private static Map<String, Object> load(String file) throws IOException {
		return new Yaml().load(Files.readString(DEPLOY.resolve(file)));
	}

	private static Map<String, Object> pod(Map<String, Object> deployment) {
		return map(map(deployment, "spec", "template"), "spec");
	}

	private static Map<String, Object> container(Map<String, Object> pod) {
		return maps(pod, "containers").get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> node, String... path) {
		Map<String, Object> current = node;
		for (String key : path) {
			current = (Map<String, Object>) current.get(key);
			assertThat(current).as(key).isNotNull();
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Map<String, Object> node, String key) {
		return (List<Map<String, Object>>) node.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Map<String, Object> node, String key) {
		return (List<String>) node.get(key);
	}
}
