package io.integration.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

import io.integration.common.Problem;
import io.integration.provider.ProviderDefinition;
import io.integration.provider.ProviderDefinition.Setting;

/** Checks a config request against its provider definition: declared settings, required ones, types, allowed values, schedule. */
final class ConfigValidator {

    static final int MAX_STRING_LENGTH = 1000;

    // The scheduler extension's own cron flavour (cron-utils, which it depends on), so what passes here is what it runs.
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private ConfigValidator() {
    }

    /** The settings to store (null values dropped); throws {@link InvalidConfigException} listing every violation. */
    static Map<String, Object> validate(ProviderDefinition provider, IntegrationConfigRequest request) {
        Map<String, Object> given = request.settings() == null ? Map.of() : request.settings();
        Map<String, Setting> declared = new LinkedHashMap<>();
        provider.settings().forEach(setting -> declared.put(setting.name(), setting));
        List<Problem.Violation> violations = new ArrayList<>();
        Map<String, Object> accepted = new LinkedHashMap<>();

        for (Map.Entry<String, Object> entry : given.entrySet()) {
            Setting setting = declared.get(entry.getKey());
            if (setting == null) {
                violations.add(violation(entry.getKey(), "is not a setting of provider '" + provider.slug()
                        + "'; its settings are " + declared.keySet()));
            } else if (entry.getValue() != null) {
                String problem = checkValue(setting, entry.getValue());
                if (problem == null) {
                    accepted.put(setting.name(), entry.getValue());
                } else {
                    violations.add(violation(setting.name(), problem));
                }
            }
        }
        for (Setting setting : declared.values()) {
            if (setting.required() && given.get(setting.name()) == null) {
                violations.add(violation(setting.name(), "is required by provider '" + provider.slug() + "'"));
            }
        }
        String scheduleProblem = checkSchedule(Boolean.TRUE.equals(request.syncEnabled()), request.syncSchedule());
        if (scheduleProblem != null) {
            violations.add(new Problem.Violation("syncSchedule", scheduleProblem));
        }
        String destinationProblem = checkDestination(request.destinationUrl());
        if (destinationProblem != null) {
            violations.add(new Problem.Violation("destinationUrl", destinationProblem));
        }
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(provider.slug(), violations);
        }
        return accepted;
    }

    private static String checkValue(Setting setting, Object value) {
        boolean typeMatches = switch (setting.type()) {
            case STRING -> value instanceof String;
            case BOOLEAN -> value instanceof Boolean;
            case NUMBER -> value instanceof Number;
        };
        if (!typeMatches) {
            return "must be a JSON " + setting.type().name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof String text && text.length() > MAX_STRING_LENGTH) {
            return "must be at most " + MAX_STRING_LENGTH + " characters";
        }
        if (setting.allowed() != null && !setting.allowed().contains(value)) {
            return "must be one of " + setting.allowed();
        }
        return null;
    }

    /** Null when acceptable; a schedule is optional unless syncing is enabled, and always a valid Quartz cron. */
    static String checkSchedule(boolean syncEnabled, String schedule) {
        if (schedule == null || schedule.isBlank()) {
            return syncEnabled ? "is required when syncEnabled is true" : null;
        }
        try {
            QUARTZ.parse(schedule.strip()).validate();
            return null;
        } catch (IllegalArgumentException e) {
            return "must be a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year],"
                    + " with '?' in one of the day fields), e.g. '0 */15 * * * ?'";
        }
    }

    /** Null when acceptable: absent, or an absolute http(s) URL with a host and no user-info or fragment. */
    static String checkDestination(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (web && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null) {
                return null;
            }
        } catch (URISyntaxException e) {
            // falls through to the message below
        }
        return "must be an absolute http(s) URL with a host, without user-info or fragment";
    }

    private static Problem.Violation violation(String setting, String message) {
        return new Problem.Violation("settings." + setting, message);
    }
}
