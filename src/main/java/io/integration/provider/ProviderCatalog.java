package io.integration.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.catalog.IntegrationCategory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The provider definitions shipped with the service, with configured URL overrides applied; validated at start. */
@ApplicationScoped
public class ProviderCatalog {

    private final Map<String, ProviderDefinition> bySlug;

    public ProviderCatalog(ProvidersConfig config) {
        this.bySlug = load(config);
    }

    public Collection<ProviderDefinition> all() {
        return bySlug.values();
    }

    /** The definitions matching both filters; a null filter matches everything. */
    public List<ProviderDefinition> list(IntegrationCategory category, ProviderDefinition.AuthMode authMode) {
        return bySlug.values().stream()
                .filter(d -> category == null || d.category() == category)
                .filter(d -> authMode == null || d.authMode() == authMode)
                .toList();
    }

    public Optional<ProviderDefinition> find(String slug) {
        return Optional.ofNullable(slug == null ? null : bySlug.get(slug));
    }

    /** The definition, or a 400 naming the unknown slug (for slugs given in a request body or path of a write). */
    public ProviderDefinition require(String slug) {
        return find(slug).orElseThrow(() -> new UnknownProviderException(slug, 400));
    }

    private static Map<String, ProviderDefinition> load(ProvidersConfig config) {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<ProviderDefinition> shipped;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(config.definitions())) {
            if (in == null) {
                throw new IllegalStateException("provider definitions not found: " + config.definitions());
            }
            shipped = mapper.readValue(in, new TypeReference<List<ProviderDefinition>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("provider definitions unreadable: " + config.definitions(), e);
        }
        Map<String, ProviderDefinition> result = new LinkedHashMap<>();
        for (ProviderDefinition definition : shipped) {
            ProviderDefinition effective = applyOverride(definition, config.overrides().get(definition.slug()));
            validate(effective);
            if (result.put(effective.slug(), effective) != null) {
                throw new IllegalStateException("provider '" + effective.slug() + "' is defined twice");
            }
        }
        for (String slug : config.overrides().keySet()) {
            if (!result.containsKey(slug)) {
                throw new IllegalStateException("integration.providers.overrides names unknown provider '" + slug + "'");
            }
        }
        // Unmodifiable but ordered: lists keep the order of the shipped file.
        return Collections.unmodifiableMap(result);
    }

    private static ProviderDefinition applyOverride(ProviderDefinition d, ProvidersConfig.Override override) {
        if (override == null) {
            // Still rebuilt, so that a definition without settings has an empty list rather than null.
            return d.settings() != null ? d : new ProviderDefinition(d.slug(), d.displayName(), d.category(),
                    d.authMode(), d.apiBaseUrl(), d.credentialHeader(), d.oauth(), d.testRequest(), d.webhook(),
                    d.pricing(), List.of(), d.sync());
        }
        ProviderDefinition.OAuth oauth = d.oauth() == null ? null : new ProviderDefinition.OAuth(
                override.authorizationUrl().orElse(d.oauth().authorizationUrl()),
                override.tokenUrl().orElse(d.oauth().tokenUrl()), d.oauth().defaultScopes(), d.oauth().pkce());
        return new ProviderDefinition(d.slug(), d.displayName(), d.category(), d.authMode(),
                override.apiBaseUrl().orElse(d.apiBaseUrl()), d.credentialHeader(), oauth, d.testRequest(), d.webhook(),
                d.pricing(), d.settings() == null ? List.of() : d.settings(), d.sync());
    }

    private static void validate(ProviderDefinition d) {
        String where = "provider '" + d.slug() + "': ";
        require(d.slug() != null && d.slug().matches("^[a-z0-9][a-z0-9_-]{0,63}$"), where + "slug must be a lowercase slug");
        require(d.displayName() != null && d.category() != null && d.authMode() != null, where + "name, category and authMode are required");
        requireUrl(d.apiBaseUrl(), where + "apiBaseUrl");
        require(d.authMode() != ProviderDefinition.AuthMode.OAUTH2 || d.oauth() != null, where + "OAUTH2 needs oauth endpoints");
        if (d.oauth() != null) {
            requireUrl(d.oauth().authorizationUrl(), where + "oauth.authorizationUrl");
            requireUrl(d.oauth().tokenUrl(), where + "oauth.tokenUrl");
        }
        require(d.testRequest() != null && d.testRequest().path() != null && d.testRequest().path().startsWith("/")
                && d.testRequest().expectStatus() != null && !d.testRequest().expectStatus().isEmpty(),
                where + "testRequest needs a path starting with '/' and expected statuses");
        require(d.authMode() == ProviderDefinition.AuthMode.BASIC || d.authMode() == ProviderDefinition.AuthMode.NONE
                || d.credentialHeader() != null, where + "credentialHeader is required for " + d.authMode());
        validateSettings(d.settings(), where);
        SyncDefinitionValidator.validate(d.sync(), where);
    }

    private static void validateSettings(List<ProviderDefinition.Setting> settings, String where) {
        // Configs are validated against these declarations, so a broken one must fail at start, not per request.
        Set<String> names = new HashSet<>();
        for (ProviderDefinition.Setting s : settings) {
            require(s != null && s.name() != null && s.name().matches("^[A-Za-z][A-Za-z0-9_]{0,63}$"),
                    where + "every setting needs a name of letters, digits or '_' starting with a letter");
            require(names.add(s.name()), where + "setting '" + s.name() + "' is declared twice");
            require(s.type() != null, where + "setting '" + s.name() + "' needs a type (STRING, BOOLEAN or NUMBER)");
            require(s.allowed() == null || (s.type() == ProviderDefinition.SettingType.STRING && !s.allowed().isEmpty()),
                    where + "setting '" + s.name() + "': 'allowed' needs a non-empty list and type STRING");
        }
    }

    private static void requireUrl(String url, String what) {
        try {
            URI uri = URI.create(url);
            require(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
                    what + " must be an absolute http(s) URL");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(what + " must be an absolute http(s) URL");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
