package org.herald.notifier;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API over real HTTP: keys, validation and problem details, members, partners
 * and deliveries.
 */
@NotifierTest
@TestPropertySource(properties = { "herald.admin-api-keys=" + TestApi.ADMIN_KEY + ",second-key",
        "herald.notifier.webhooks.secret-key=dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdC0=" })
class AdminApiTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesRequestsWithoutAKnownKey(TestApi api) {
        String member = "{\"email\":\"nokey@example.org\"}";
        for (HttpResponse<String> response : new HttpResponse[] {
                api.post("/api/v1/members", member, null, "application/json"),
                api.post("/api/v1/members", member, "wrong-key", "application/json"),
                api.get("/api/v1/deliveries?announcementId=" + UUID.randomUUID(), null),
                api.get("/api/v1/partners/" + UUID.randomUUID(), "wrong-key") }) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
            assertThat(TestApi.json(response).get("status").asInt()).isEqualTo(401);
        }
        assertThat(
                api.post("/api/v1/members", "{\"email\":\"second-key@example.org\"}", "second-key", "application/json")
                    .statusCode())
            .isEqualTo(201);
    }

    @Test
    void createsAMemberWithDefaultsAndReadsItBack(TestApi api) {
        HttpResponse<String> created = api.post("/api/v1/members", """
                {"email":"grace@example.org","name":"Grace Hopper","organisation":"Minerals Ltd",
                 "subscriptions":[{"tags":["Critical-Minerals","mining"]},
                                  {"tags":["defence"],"match":"all","minRelevance":2,"frequency":"weekly"}]}
                """);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = TestApi.json(created).get("id").asString();
        assertThat(created.headers().firstValue("Location"))
            .hasValueSatisfying((location) -> assertThat(location).endsWith("/api/v1/members/" + id));

        JsonNode member = TestApi.json(api.get("/api/v1/members/" + id));
        assertThat(member.get("email").asString()).isEqualTo("grace@example.org");
        assertThat(member.get("name").asString()).isEqualTo("Grace Hopper");
        JsonNode first = member.get("subscriptions").get(0);
        assertThat(first.get("tags").toString()).isEqualTo("[\"critical-minerals\",\"mining\"]");
        assertThat(first.get("match").asString()).isEqualTo("any");
        assertThat(first.get("minRelevance").asInt()).isZero();
        assertThat(first.get("frequency").asString()).isEqualTo("immediate");
        JsonNode second = member.get("subscriptions").get(1);
        assertThat(second.get("match").asString()).isEqualTo("all");
        assertThat(second.get("minRelevance").asInt()).isEqualTo(2);
        assertThat(second.get("frequency").asString()).isEqualTo("weekly");
    }

    @Test
    void listsEveryInvalidFieldOfAMember(TestApi api) {
        HttpResponse<String> response = api.post("/api/v1/members",
                """
                        {"email":"not-an-email","subscriptions":[{"tags":[],"match":"some","minRelevance":5,"frequency":"hourly"},
                                                                  {"tags":["ok","bad tag"]}]}
                        """);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode errors = TestApi.json(response).get("errors");
        assertThat(errors.valueStream().map((error) -> error.get("field").asString()))
            .contains("email", "subscriptions[0].tags", "subscriptions[0].match", "subscriptions[0].minRelevance",
                    "subscriptions[0].frequency")
            .anySatisfy((field) -> assertThat(field).startsWith("subscriptions[1].tags"));
        assertThat(errors.valueStream().map((error) -> error.get("message").asString()))
            .allSatisfy((message) -> assertThat(message).isNotBlank());
    }

    @Test
    void refusesASecondMemberWithTheSameEmailInAnyCase(TestApi api) {
        assertThat(api.post("/api/v1/members", "{\"email\":\"twice@example.org\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> again = api.post("/api/v1/members", "{\"email\":\"Twice@Example.org\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(TestApi.json(again).get("detail").asString()).contains("exists already");
    }

    @Test
    void answersNotFoundProblemsForUnknownIds(TestApi api) {
        for (String path : new String[] { "/api/v1/members/", "/api/v1/partners/" }) {
            HttpResponse<String> response = api.get(path + UUID.randomUUID());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(TestApi.json(response).get("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void refusesBodiesThatAreNotJson(TestApi api) {
        assertThat(api.post("/api/v1/members", "{\"email\": ").statusCode()).isEqualTo(400);
        assertThat(api.post("/api/v1/members", "email=a@example.org", TestApi.ADMIN_KEY, "text/plain").statusCode())
            .isEqualTo(415);
        HttpResponse<String> wrongType = api.post("/api/v1/members",
                "{\"email\":\"type@example.org\",\"subscriptions\":[{\"tags\":[\"a\"],\"minRelevance\":\"high\"}]}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(TestApi.json(wrongType).get("errors").get(0).get("field").asString())
            .isEqualTo("subscriptions[0].minRelevance");
    }

    @Test
    void registersAPartnerAndShowsItsSecretOnlyOnce(TestApi api) {
        HttpResponse<String> created = api.post("/api/v1/partners", """
                {"name":"Minerals Weekly","url":"https://partner.example.org/herald","contactEmail":"ops@example.org",
                 "tags":["critical-minerals"],"match":"any","minRelevance":1}
                """);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = TestApi.json(created);
        String id = body.get("id").asString();
        String secret = body.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(created.headers().firstValue("Location"))
            .hasValueSatisfying((location) -> assertThat(location).endsWith("/api/v1/partners/" + id));

        HttpResponse<String> read = api.get("/api/v1/partners/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(secret).doesNotContain("secret");
        assertThat(TestApi.json(read).get("enabled").asBoolean()).isTrue();

        byte[] sealed = this.jdbc.sql("SELECT secret_sealed FROM notifier.partner WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query(byte[].class)
            .single();
        String stored = new String(sealed, StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(secret.substring("whsec_".length()));
        assertThat(stored)
            .doesNotContain(new String(Base64.getDecoder().decode(secret.substring(6)), StandardCharsets.ISO_8859_1));
    }

    @Test
    void refusesPartnerUrlsThatAreNotAbsoluteHttp(TestApi api) {
        for (String url : new String[] { "ftp://partner.example.org/x", "/relative/path", "partner.example.org",
                "https://user:password@partner.example.org/x", "javascript:alert(1)" }) {
            HttpResponse<String> response = api.post("/api/v1/partners",
                    "{\"name\":\"P\",\"url\":\"" + url + "\",\"contactEmail\":\"ops@example.org\",\"tags\":[\"a\"]}");
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(TestApi.json(response).get("errors").get(0).get("field").asString()).isEqualTo("url");
        }
        HttpResponse<String> missing = api.post("/api/v1/partners", "{\"tags\":[\"a\"],\"match\":\"most\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(TestApi.json(missing).get("errors").valueStream().map((error) -> error.get("field").asString()))
            .contains("name", "url", "contactEmail", "match");
    }

    @Test
    void listsDeliveriesOnlyForAValidAnnouncementId(TestApi api) {
        assertThat(api.get("/api/v1/deliveries").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/deliveries?announcementId=not-a-uuid").statusCode()).isEqualTo(400);
        HttpResponse<String> none = api.get("/api/v1/deliveries?announcementId=" + UUID.randomUUID());
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(TestApi.json(none)).isEmpty();
    }

}
