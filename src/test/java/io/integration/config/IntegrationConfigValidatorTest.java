package io.integration.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.integration.catalog.IntegrationCategory;
import io.integration.common.Problem;
import io.integration.provider.ProviderDefinition;
import io.integration.provider.ProviderDefinition.Setting;
import io.integration.provider.ProviderDefinition.SettingType;

/** The pure rules of ConfigValidator: declared settings, required, JSON types, allowed values, Quartz schedule. */
class IntegrationConfigValidatorTest {

    private static final ProviderDefinition PROVIDER = new ProviderDefinition("acme", "Acme", IntegrationCategory.OTHER,
            ProviderDefinition.AuthMode.NONE, "https://api.acme.test", null, null,
            new ProviderDefinition.TestRequest("GET", "/", List.of(200)), null, null, List.of(
                    new Setting("region", SettingType.STRING, true, List.of("eu", "us"), null),
                    new Setting("batchSize", SettingType.NUMBER, false, null, null),
                    new Setting("verbose", SettingType.BOOLEAN, false, null, null)), null);

    private static IntegrationConfigRequest request(Map<String, Object> settings, Boolean syncEnabled, String schedule) {
        return new IntegrationConfigRequest(settings, null, syncEnabled, schedule, null, null);
    }

    @Test
    void acceptsDeclaredValuesOfTheRightTypeAndDropsNulls() {
        Map<String, Object> settings = new HashMap<>(Map.of("region", "eu", "batchSize", 2.5));
        settings.put("verbose", null);

        assertThat(ConfigValidator.validate(PROVIDER, request(settings, true, "0 0/5 * * * ?")))
                .containsOnlyKeys("region", "batchSize");
    }

    @Test
    void reportsEveryViolationWithItsField() {
        Map<String, Object> settings = Map.of("batchSize", "ten", "verbose", 1, "colour", "red");

        assertThatThrownBy(() -> ConfigValidator.validate(PROVIDER, request(settings, true, null)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("the config does not match the definition of provider 'acme'")
                .satisfies(e -> assertThat(((InvalidConfigException) e).violations())
                        .extracting(Problem.Violation::field, Problem.Violation::message)
                        .contains(
                                tuple("settings.batchSize", "must be a JSON number"),
                                tuple("settings.verbose", "must be a JSON boolean"),
                                tuple("settings.region", "is required by provider 'acme'"),
                                tuple("syncSchedule", "is required when syncEnabled is true")))
                .satisfies(e -> assertThat(((InvalidConfigException) e).violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("settings.colour")));
    }

    @Test
    void checksAllowedValuesAndStringLength() {
        assertThatThrownBy(() -> ConfigValidator.validate(PROVIDER, request(Map.of("region", "asia"), false, null)))
                .satisfies(e -> assertThat(((InvalidConfigException) e).violations())
                        .containsExactly(new Problem.Violation("settings.region", "must be one of [eu, us]")));
        assertThatThrownBy(() -> ConfigValidator.validate(PROVIDER,
                request(Map.of("region", "x".repeat(ConfigValidator.MAX_STRING_LENGTH + 1)), false, null)))
                .satisfies(e -> assertThat(((InvalidConfigException) e).violations().get(0).message())
                        .contains("at most"));
    }

    @Test
    void schedulesAreQuartzCronExpressions() {
        assertThat(ConfigValidator.checkSchedule(false, null)).isNull();
        assertThat(ConfigValidator.checkSchedule(true, "0 */15 * * * ?")).isNull();
        assertThat(ConfigValidator.checkSchedule(true, "0 0 3 ? * MON-FRI")).isNull();
        assertThat(ConfigValidator.checkSchedule(true, "0 0 12 1 1 ? 2030")).isNull();
        assertThat(ConfigValidator.checkSchedule(false, "*/5 * * * *")).contains("Quartz");
        assertThat(ConfigValidator.checkSchedule(false, "0 0 12 * * MON")).contains("Quartz");
        assertThat(ConfigValidator.checkSchedule(false, "0 0 25 * * ?")).contains("Quartz");
        assertThat(ConfigValidator.checkSchedule(true, " ")).isEqualTo("is required when syncEnabled is true");
    }

    @Test
    void destinationsAreAbsoluteHttpUrlsWithoutUserInfo() {
        assertThat(ConfigValidator.checkDestination(null)).isNull();
        assertThat(ConfigValidator.checkDestination("http://orders.internal:8080/sync-batches")).isNull();
        assertThat(ConfigValidator.checkDestination("https://orders.internal/api/v1/batches?source=pull")).isNull();
        String message = "must be an absolute http(s) URL with a host, without user-info or fragment";
        assertThat(ConfigValidator.checkDestination("ftp://orders.internal/x")).isEqualTo(message);
        assertThat(ConfigValidator.checkDestination("/relative/path")).isEqualTo(message);
        assertThat(ConfigValidator.checkDestination("http://user:pw@orders.internal/x")).isEqualTo(message);
        assertThat(ConfigValidator.checkDestination("http://orders.internal/x#frag")).isEqualTo(message);
        assertThat(ConfigValidator.checkDestination("http://bad host/x")).isEqualTo(message);
        assertThatThrownBy(() -> ConfigValidator.validate(PROVIDER, new IntegrationConfigRequest(Map.of("region", "eu"),
                null, false, null, "file:///etc/passwd", null)))
                .satisfies(e -> assertThat(((InvalidConfigException) e).violations())
                        .containsExactly(new Problem.Violation("destinationUrl", message)));
    }
}
