package org.herald.notifier;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.notifier.TestMembers.sub;

/**
 * The members' and subscriptions' admin API over real HTTP: create, read, update, delete,
 * list in pages; problem details for every error; the OpenAPI description.
 */
@NotifierTest
class MemberApiTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void replacesPatchesAndDeletesAMember(TestApi api, TestMembers members) {
        String id = members.create("ada@example.org", "Ada", "Old Ltd", sub("mining", null));

        HttpResponse<String> put = api.call("PUT", "/api/v1/members/" + id,
                """
                        {"email":"ada.lovelace@example.org","name":"Ada Lovelace",
                         "subscriptions":[{"tags":["Critical-Minerals"],"frequency":"daily"},{"tags":["defence"],"match":"all"}]}""");
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode replaced = TestApi.json(put);
        assertThat(replaced.get("email").asString()).isEqualTo("ada.lovelace@example.org");
        assertThat(replaced.get("organisation").isNull()).isTrue();
        assertThat(replaced.get("status").asString()).isEqualTo("active");
        assertThat(replaced.get("subscriptions")).hasSize(2);
        assertThat(replaced.get("subscriptions").get(0).get("tags").toString()).isEqualTo("[\"critical-minerals\"]");
        assertThat(replaced.get("subscriptions").get(0).get("frequency").asString()).isEqualTo("daily");

        HttpResponse<String> patch = api.call("PATCH", "/api/v1/members/" + id, "{\"organisation\":\"Minerals Ltd\"}",
                "application/merge-patch+json");
        assertThat(patch.statusCode()).isEqualTo(200);
        JsonNode patched = TestApi.json(patch);
        assertThat(patched.get("organisation").asString()).isEqualTo("Minerals Ltd");
        assertThat(patched.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(patched.get("subscriptions")).as("left as they were").hasSize(2);

        assertThat(TestApi.json(api.get("/api/v1/members/" + id)).get("organisation").asString())
            .isEqualTo("Minerals Ltd");
        assertThat(api.call("DELETE", "/api/v1/members/" + id, null).statusCode()).isEqualTo(204);
        assertProblem(api.get("/api/v1/members/" + id), 404);
        assertProblem(api.call("DELETE", "/api/v1/members/" + id, null), 404);
    }

    @Test
    void answersProblemsForBadUpdates(TestApi api, TestMembers members) {
        String id = members.create("first-" + UUID.randomUUID() + "@example.org");
        String other = "other-" + UUID.randomUUID() + "@example.org";
        members.create(other);

        assertProblem(api.call("PUT", "/api/v1/members/" + id, "{\"email\":\"" + other.toUpperCase() + "\"}"), 409);
        assertProblem(api.call("PATCH", "/api/v1/members/" + id, "{\"email\":\"" + other + "\"}"), 409);
        HttpResponse<String> invalid = api.call("PUT", "/api/v1/members/" + id,
                "{\"email\":\"nope\",\"subscriptions\":[{\"tags\":[]}]}");
        assertProblem(invalid, 400);
        assertThat(TestApi.json(invalid).get("errors").valueStream().map((error) -> error.get("field").asString()))
            .contains("email", "subscriptions[0].tags");
        assertProblem(api.call("PATCH", "/api/v1/members/" + id, "{\"email\":\"\"}"), 400);
        assertProblem(api.call("PUT", "/api/v1/members/" + UUID.randomUUID(), "{\"email\":\"x@example.org\"}"), 404);
        assertProblem(api.call("PATCH", "/api/v1/members/" + UUID.randomUUID(), "{\"name\":\"x\"}"), 404);
        assertProblem(api.call("PUT", "/api/v1/members/not-a-uuid", "{\"email\":\"x@example.org\"}"), 400);
        assertProblem(api.call("PUT", "/api/v1/members/" + id, "{\"email\":"), 400);
        assertProblem(api.call("PUT", "/api/v1/members/" + id, "email=x", "text/plain"), 415);
        assertProblem(api.get("/api/v1/members?limit=0"), 400);
        assertProblem(api.get("/api/v1/members?limit=many"), 400);
    }

    @Test
    void managesSubscriptionsAsASubResource(TestApi api, TestMembers members) {
        String member = members.create("subs-" + UUID.randomUUID() + "@example.org");
        String base = "/api/v1/members/" + member + "/subscriptions";
        assertThat(TestApi.json(api.get(base))).isEmpty();

        HttpResponse<String> created = api.post(base,
                "{\"tags\":[\"Mining\"],\"minRelevance\":2,\"frequency\":\"weekly\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = TestApi.json(created).get("id").asString();
        assertThat(created.headers().firstValue("Location"))
            .hasValueSatisfying((location) -> assertThat(location).endsWith(base + "/" + id));
        JsonNode read = TestApi.json(api.get(base + "/" + id));
        assertThat(read.get("tags").toString()).isEqualTo("[\"mining\"]");
        assertThat(read.get("match").asString()).isEqualTo("any");
        assertThat(read.get("minRelevance").asInt()).isEqualTo(2);
        assertThat(read.get("frequency").asString()).isEqualTo("weekly");

        HttpResponse<String> replaced = api.call("PUT", base + "/" + id, "{\"tags\":[\"a\",\"b\"],\"match\":\"all\"}");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(TestApi.json(api.get(base + "/" + id)).get("match").asString()).isEqualTo("all");
        assertThat(TestApi.json(api.get(base + "/" + id)).get("frequency").asString()).isEqualTo("immediate");
        assertThat(TestApi.json(api.get("/api/v1/members/" + member)).get("subscriptions")).hasSize(1);

        assertProblem(api.post(base, "{\"tags\":[\"bad tag\"],\"frequency\":\"hourly\"}"), 400);
        assertProblem(api.call("PUT", base + "/" + UUID.randomUUID(), "{\"tags\":[\"a\"]}"), 404);
        assertProblem(api.get("/api/v1/members/" + UUID.randomUUID() + "/subscriptions"), 404);
        assertThat(api.call("DELETE", base + "/" + id, null).statusCode()).isEqualTo(204);
        assertProblem(api.get(base + "/" + id), 404);
        assertProblem(api.call("DELETE", base + "/" + id, null), 404);
    }

    @Test
    void needsTheAdminKeyForEveryMemberEndpoint(TestApi api) {
        String id = UUID.randomUUID().toString();
        for (String path : new String[] { "/api/v1/members", "/api/v1/members/" + id,
                "/api/v1/members/" + id + "/subscriptions", "/api/v1/digests/run?frequency=daily" }) {
            assertProblem(api.get(path, null), 401);
        }
    }

    @Test
    void describesTheApiWithOpenApi(TestApi api) {
        HttpResponse<String> docs = api.get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
        JsonNode openApi = TestApi.json(docs);
        assertThat(openApi.get("openapi").asString()).startsWith("3.");
        JsonNode paths = openApi.get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/members", "/api/v1/members/{id}",
                "/api/v1/members/{memberId}/subscriptions", "/api/v1/members/{memberId}/subscriptions/{id}",
                "/api/v1/members/{id}/suppression");
        assertThat(paths.get("/api/v1/members/{id}").propertyNames()).contains("get", "put", "patch", "delete");
        assertThat(paths.propertyNames()).noneMatch((path) -> path.startsWith("/unsubscribe"));
        assertThat(openApi.get("components").get("securitySchemes").get("adminKey").get("scheme").asString())
            .isEqualTo("bearer");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(TestApi.json(response).get("status").asInt()).isEqualTo(status);
    }

}
