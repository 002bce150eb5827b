package dev.uvi.spring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The README's configuration table is a promise: it must list exactly the {@code uvi.*} properties
 * of the configuration metadata, with the metadata's defaults. Adding a property without documenting
 * it, or changing a default without saying so, fails the build.
 */
class ReadmeConfigurationTableTests {

	private static final Pattern ROW = Pattern.compile("^\\| `(uvi\\.[a-z0-9.-]+)` \\| ([^|]+) \\|");

	@Test
	void readmeTableListsEveryPropertyWithItsDefault() throws Exception {
		Map<String, String> readme = readmeTable();
		Map<String, Object> metadata = metadataDefaults();
		assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(metadata.keySet());
		metadata.forEach((name, defaultValue) -> {
			if (defaultValue != null && !"".equals(defaultValue)) {
				assertThat(readme.get(name)).as("README default of %s", name).isEqualTo("`" + defaultValue + "`");
			}
		});
	}

	private static Map<String, String> readmeTable() throws Exception {
		Map<String, String> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				rows.put(row.group(1), row.group(2).trim());
			}
		}
		return rows;
	}

	private static Map<String, Object> metadataDefaults() throws Exception {
		List<Map<String, Object>> properties;
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			properties = JsonPath.parse(json).read("$.properties[?(@.name =~ /uvi\\..*/)]");
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		properties.forEach((property) -> defaults.put((String) property.get("name"), property.get("defaultValue")));
		return defaults;
	}
}
