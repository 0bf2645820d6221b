package io.integration.sync.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.integration.support.EmbeddedServicesResource;
import io.integration.support.Secrets;
import io.integration.webhook.signature.SchemeSettings;
import io.integration.webhook.signature.SignatureSchemes;
import io.integration.webhook.signature.WebhookRequest;
import io.restassured.http.ContentType;

/**
 * One tenant's venue set up for REST pulls through the API (integration, connection, field mappings, config with a
 * destination), the shared provider stub driven through its admin API, and a WireMock destination. {@link #start()}
 * before a test, {@link #stop()} after: the provider stubs it registered are removed again.
 */
final class PullFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    final UUID tenant = UUID.randomUUID();
    final UUID venue = UUID.randomUUID();
    /** The github connection's API key. */
    final String apiKey = Secrets.newSecret();
    final List<StubMapping> providerStubs = new ArrayList<>();
    WireMock provider;
    String providerUrl;
    WireMockServer destination;

    void start() {
        providerUrl = ConfigProvider.getConfig().getValue("test.provider-stub.url", String.class);
        URI stub = URI.create(providerUrl);
        provider = new WireMock(stub.getHost(), stub.getPort());
        destination = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().notifier(new ConsoleNotifier(false)));
        destination.start();
        destination.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        destination.stubFor(post(urlPathEqualTo("/batches")).willReturn(aResponse().withStatus(202)));
        destination.stubFor(post(urlPathEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
    }

    void stop() {
        providerStubs.forEach(provider::removeStubMapping);
        destination.stop();
    }

    String writer() {
        return token(tenant, "write");
    }

    String reader() {
        return token(tenant, "read");
    }

    UUID connect(String providerSlug, String category, String credentials) {
        String integration = given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"name\":\"pull " + providerSlug + "\",\"provider\":\"" + providerSlug + "\",\"category\":\"" + category + "\"}")
                .when().post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        String connection = given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"venueId\":\"" + venue + "\",\"credentials\":" + credentials + "}")
                .when().post("/api/v1/integrations/" + integration + "/connections").then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(connection);
    }

    /** A github connection with three mappings (trim, uppercase into a nested target, number) and a destination. */
    UUID connectGithub() {
        UUID connection = connect("github", "DEVELOPER", "{\"apiKey\":\"" + apiKey + "\"}");
        map(connection, "/title", "title", "TRIM", "{}");
        map(connection, "/user/login", "/author/login", "UPPERCASE", "{}");
        map(connection, "/comments", "comments", "NUMBER", "{}");
        configure("github", "{}", "/batches");
        return connection;
    }

    void map(UUID connection, String source, String target, String transform, String transformConfig) {
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"sourceField\":\"" + source + "\",\"targetField\":\"" + target + "\",\"transform\":\"" + transform
                        + "\",\"transformConfig\":" + transformConfig + "}")
                .when().post("/api/v1/connections/" + connection + "/field-mappings").then().statusCode(201);
    }

    void configure(String providerSlug, String settings, String destinationPath) {
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"settings\":" + settings + ",\"destinationUrl\":\"http://127.0.0.1:" + destination.port()
                        + destinationPath + "\"}")
                .when().put("/api/v1/venues/" + venue + "/configs/" + providerSlug).then().statusCode(201);
    }

    /** Stores an OAuth token of the venue through the OAuth store API (the first store of the provider: 201). */
    void storeOAuthToken(String providerSlug, String accessToken, String refreshToken, Instant expiresAt) {
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"accessToken\":\"" + accessToken + "\"" + (refreshToken == null ? ""
                        : ",\"refreshToken\":\"" + refreshToken + "\"") + ",\"expiresAt\":\"" + expiresAt + "\"}")
                .when().put("/api/v1/venues/" + venue + "/oauth-tokens/" + providerSlug).then().statusCode(201);
    }

    /** Registers a provider stub ahead of the shared stub's defaults; removed in {@link #stop()}. */
    void stub(MappingBuilder mapping) {
        providerStubs.add(provider.register(mapping.atPriority(1)));
    }

    static String issue(int id, String title, String login, String updatedAt, String comments) {
        return "{\"id\":" + id + ",\"title\":\"" + title + "\",\"user\":{\"login\":\"" + login + "\"},\"updated_at\":\""
                + updatedAt + "\",\"comments\":" + comments + ",\"body\":\"" + Secrets.PREFIX + "record-body\"}";
    }

    private String link(int page) {
        return "<" + providerUrl + "/user/issues?per_page=100&page=" + page + ">; rel=\"next\", <" + providerUrl
                + "/user/issues?per_page=100&page=3>; rel=\"last\"";
    }

    /** Three GitHub pages chained by Link headers: five issues, the greatest updated_at (by instant) on page 2. */
    void stubGithubThreePages() {
        String auth = "Bearer " + apiKey;
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo(auth))
                .withQueryParam("page", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withHeader("Link", link(2))
                        .withBody("[" + issue(1, " First ", "ann", "2024-03-01T10:00:00Z", "1") + ","
                                + issue(2, "Second", "bob", "2024-03-02T10:00:00Z", "\"2\"") + "]")));
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo(auth))
                .withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withHeader("Link", link(3))
                        .withBody("[" + issue(3, "Third", "cy", "2024-03-09T08:30:00+02:00", "0") + ","
                                + issue(4, "Fourth", "dee", "2024-03-04T10:00:00Z", "4") + "]")));
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo(auth))
                .withQueryParam("page", equalTo("3"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[" + issue(5, "Fifth", "eve", "2024-03-05T10:00:00Z", "5") + "]")));
    }

    List<LoggedRequest> deliveries(String path) {
        return destination.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    static JsonNode body(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBody());
    }

    /** Whether a delivery carries a valid Standard Webhooks signature made with the service's delivery secret. */
    static boolean verified(LoggedRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, request.getHeader(name));
        }
        return new SignatureSchemes(Clock.systemUTC()).create(SchemeSettings.of("standard-webhooks"))
                .verify(WebhookRequest.of(request.getBody(), headers),
                        List.of(EmbeddedServicesResource.DELIVERY_SECRET.getBytes(StandardCharsets.US_ASCII)))
                .isVerified();
    }
}
