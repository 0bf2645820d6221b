package io.integration.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.integration.catalog.IntegrationCategory;
import io.integration.provider.ProviderDefinition.AuthMode;

/** The shipped definitions load, overrides replace URLs, and broken definitions fail at start with a clear message. */
class ProviderCatalogTest {

    private static final String TEST_FILE = "providers/test-providers.json";

    @Test
    void theShippedFileLoadsWithAtLeastSixValidProviders() {
        ProviderCatalog catalog = new ProviderCatalog(config("providers/providers.json", Map.of()));

        assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(catalog.all()).extracting(ProviderDefinition::slug)
                .contains("stripe", "square", "hubspot", "mailchimp", "slack", "github");
        ProviderDefinition stripe = catalog.require("stripe");
        assertThat(stripe.displayName()).isEqualTo("Stripe");
        assertThat(stripe.authMode()).isEqualTo(AuthMode.API_KEY);
        assertThat(stripe.apiBaseUrl()).startsWith("https://");
        for (ProviderDefinition definition : catalog.all()) {
            assertThat(definition.settings()).as(definition.slug()).isNotNull();
            if (definition.authMode() == AuthMode.OAUTH2) {
                assertThat(definition.oauth().tokenUrl()).as(definition.slug()).startsWith("https://");
            }
        }
    }

    @Test
    void listFiltersByCategoryAndAuthModeInFileOrder() {
        ProviderCatalog catalog = new ProviderCatalog(config(TEST_FILE, Map.of()));

        assertThat(catalog.list(null, null)).extracting(ProviderDefinition::slug).containsExactly("acme-pay", "acme-mail");
        assertThat(catalog.list(IntegrationCategory.EMAIL, null)).extracting(ProviderDefinition::slug)
                .containsExactly("acme-mail");
        assertThat(catalog.list(IntegrationCategory.PAYMENT, AuthMode.BASIC)).isEmpty();
        assertThat(catalog.list(null, AuthMode.OAUTH2)).extracting(ProviderDefinition::slug).containsExactly("acme-pay");
        // A definition without settings gets an empty list, so validation never meets null.
        assertThat(catalog.require("acme-mail").settings()).isEmpty();
    }

    @Test
    void overridesReplaceOnlyTheGivenUrls() {
        ProviderCatalog catalog = new ProviderCatalog(config(TEST_FILE, Map.of("acme-pay",
                override("http://127.0.0.1:9999/api", null, "http://127.0.0.1:9999/token"))));

        ProviderDefinition pay = catalog.require("acme-pay");
        assertThat(pay.apiBaseUrl()).isEqualTo("http://127.0.0.1:9999/api");
        assertThat(pay.oauth().tokenUrl()).isEqualTo("http://127.0.0.1:9999/token");
        assertThat(pay.oauth().authorizationUrl()).isEqualTo("https://acme-pay.test/oauth/authorize");
        assertThat(pay.settings()).extracting(ProviderDefinition.Setting::name).containsExactly("mode");
        assertThat(catalog.require("acme-mail").apiBaseUrl()).isEqualTo("https://api.acme-mail.test");
    }

    @Test
    void anOverrideNamingAnUnknownProviderFails() {
        assertThatThrownBy(() -> new ProviderCatalog(config(TEST_FILE, Map.of("acme-typo",
                override("http://127.0.0.1:1/", null, null)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("integration.providers.overrides")
                .hasMessageContaining("'acme-typo'");
    }

    @Test
    void anOverrideWithAnInvalidUrlFails() {
        assertThatThrownBy(() -> new ProviderCatalog(config(TEST_FILE, Map.of("acme-mail",
                override("not a url", null, null)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("provider 'acme-mail': apiBaseUrl must be an absolute http(s) URL");
    }

    @Test
    void invalidDefinitionsFailWithAMessageNamingProviderAndProblem() {
        assertThatThrownBy(() -> load("providers/invalid-no-base-url.json"))
                .hasMessage("provider 'broken': apiBaseUrl must be an absolute http(s) URL");
        assertThatThrownBy(() -> load("providers/invalid-oauth-without-endpoints.json"))
                .hasMessage("provider 'half-oauth': OAUTH2 needs oauth endpoints");
        assertThatThrownBy(() -> load("providers/invalid-duplicate-setting.json"))
                .hasMessage("provider 'twice': setting 'region' is declared twice");
        assertThatThrownBy(() -> load("providers/invalid-allowed-on-boolean.json"))
                .hasMessage("provider 'odd': setting 'flag': 'allowed' needs a non-empty list and type STRING");
        assertThatThrownBy(() -> load("providers/invalid-duplicate-slug.json"))
                .hasMessage("provider 'same' is defined twice");
        assertThatThrownBy(() -> load("providers/invalid-unknown-field.json"))
                .hasMessageContaining("providers/invalid-unknown-field.json")
                .rootCause().hasMessageContaining("apiBaseUlr");
        assertThatThrownBy(() -> load("providers/missing.json"))
                .hasMessage("provider definitions not found: providers/missing.json");
    }

    @Test
    void unknownSlugsAreA400ForWritesAndAbsentForLookups() {
        ProviderCatalog catalog = new ProviderCatalog(config(TEST_FILE, Map.of()));

        assertThat(catalog.find("nope")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
        assertThatThrownBy(() -> catalog.require("nope"))
                .isInstanceOf(UnknownProviderException.class)
                .hasMessage("no provider definition for 'nope'")
                .satisfies(e -> assertThat(((UnknownProviderException) e).status()).isEqualTo(400));
    }

    private static ProviderCatalog load(String file) {
        return new ProviderCatalog(config(file, Map.of()));
    }

    // ProvidersConfig.Override shadows java.lang.Override inside these implementations, hence the full name.
    private static ProvidersConfig config(String definitions, Map<String, ProvidersConfig.Override> overrides) {
        return new ProvidersConfig() {
            @java.lang.Override
            public String definitions() {
                return definitions;
            }

            @java.lang.Override
            public Map<String, ProvidersConfig.Override> overrides() {
                return overrides;
            }
        };
    }

    private static ProvidersConfig.Override override(String apiBaseUrl, String authorizationUrl, String tokenUrl) {
        return new ProvidersConfig.Override() {
            @java.lang.Override
            public Optional<String> apiBaseUrl() {
                return Optional.ofNullable(apiBaseUrl);
            }

            @java.lang.Override
            public Optional<String> authorizationUrl() {
                return Optional.ofNullable(authorizationUrl);
            }

            @java.lang.Override
            public Optional<String> tokenUrl() {
                return Optional.ofNullable(tokenUrl);
            }
        };
    }
}
