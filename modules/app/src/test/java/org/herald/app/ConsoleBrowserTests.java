package org.herald.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.herald.events.AnnouncementIds;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff console in a real browser (headless Chromium), against the all-in-one app:
 * its front door, its three services' contexts, a real broker, PostgreSQL and GreenMail.
 * A fan-out to two or more recipients is held
 * ({@code herald.notifier.hold.min-recipients=2}). The browser tests are skipped, saying
 * so, where no Chromium is installed; the CSRF and key checks are plain HTTP and always
 * run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

    private static final String ADMIN_KEY = "console-tests-admin-key";

    private static final String PUBLISH_KEY = "console-tests-publish-key";

    private static final UUID MOU_ID = AnnouncementIds.idFor(PipelineScenario.MOU_URL);

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedKafkaKraftBroker broker;

    private static ConfigurableApplicationContext app;

    private static String base;

    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr",
                "1", "group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        TestDatabase.Database database = TestDatabase.create();
        Path dataDir = Files.createTempDirectory("herald-console-tests");
        app = new SpringApplicationBuilder(HeraldApplication.class).run("--server.port=0",
                "--herald.data-dir=" + dataDir, "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(), "--herald.admin-api-keys=" + ADMIN_KEY,
                "--herald.publisher.api-keys=" + PUBLISH_KEY, "--herald.notifier.email.link-key=" + Pipeline.LINK_KEY,
                "--herald.notifier.webhooks.secret-key=" + Pipeline.SECRET_KEY,
                "--herald.notifier.dispatch.poll-interval=200ms", "--herald.notifier.hold.min-recipients=2",
                "--herald.notifier.members.max-subscriptions=2");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        for (String email : List.of("buyer@alumina.example", "policy@smelter.example")) {
            HttpResponse<String> member = send("POST", "/api/v1/members", ADMIN_KEY, """
                    {"email":"%s","name":"A member","subscriptions":[{"tags":["critical-minerals"]}]}"""
                .formatted(email));
            assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
        }
        HttpResponse<String> published = send("POST", "/api/v1/announcements", PUBLISH_KEY, PipelineScenario.MOU);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
            .until(() -> send("GET", "/api/v1/holds", ADMIN_KEY, null).body().contains(MOU_ID.toString()));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    private static WebDriver browser() throws IOException {
        ConsoleBrowser.assumeAvailable();
        if (browser == null) {
            browser = ConsoleBrowser.start();
        }
        return browser.driver();
    }

    @Test
    @Order(1)
    void refusesAWrongKey() throws Exception {
        WebDriver driver = browser();
        driver.get(base + "/console/announcements");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/console/sign-in");
        browser.screenshot("sign-in");
        driver.findElement(By.id("key")).sendKeys("not-an-admin-key");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(waitFor(driver, By.id("sign-in-error")).getText()).isEqualTo("That is not an admin key.");
        driver.get(base + "/console/announcements");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/console/sign-in");
    }

    @Test
    @Order(2)
    void signsInFindsTheMouAndSeesItsEvidenceAndItsHeldFanOut() throws Exception {
        WebDriver driver = browser();
        signIn(driver);
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/console/announcements");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Announcements");
        driver.findElement(By.id("q")).sendKeys("memorandum");
        driver.findElement(By.cssSelector("form[role=search] button")).click();
        waitFor(driver, By.cssSelector("article.announcement"));
        assertThat(driver.findElements(By.cssSelector("article.announcement"))).hasSize(1);
        browser.screenshot("announcements");
        driver.findElement(By.linkText(PipelineScenario.MOU_TITLE)).click();
        waitFor(driver, By.id("hold"));
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("critical-minerals", "term “critical minerals” in title")
            .contains("aluminium", "implied by critical-minerals")
            .contains("Source", "test-cms");
        assertThat(driver.findElement(By.id("hold")).getText()).contains("Fan-out held", "2 recipients");
        assertThat(driver.findElements(By.cssSelector("#deliveries td.status"))).extracting((cell) -> cell.getText())
            .containsExactly("pending", "pending");
        browser.screenshot("announcement-held");
        await().during(Duration.ofSeconds(1))
            .atMost(Duration.ofSeconds(3))
            .until(() -> mail.getReceivedMessages().length == 0);
    }

    @Test
    @Order(3)
    void approvesTheHeldFanOutWhilePausedAndSendsItOnResume() throws Exception {
        WebDriver driver = browser();
        driver.get(base + "/console/health");
        driver.findElement(By.id("pause")).click();
        assertThat(waitFor(driver, By.id("paused-banner")).getText()).contains("paused");
        assertThat(send("GET", "/api/v1/sending", ADMIN_KEY, null).body()).contains("\"paused\":true");
        browser.screenshot("health-paused");

        driver.get(base + "/console/announcements/" + MOU_ID);
        driver.findElement(By.id("approve")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("hold"), "Fan-out approved"));
        await().during(Duration.ofMillis(1500))
            .atMost(Duration.ofSeconds(3))
            .until(() -> mail.getReceivedMessages().length == 0);

        driver.get(base + "/console/health");
        driver.findElement(By.id("resume")).click();
        waitFor(driver, By.id("pause"));
        assertThat(driver.findElements(By.id("paused-banner"))).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.getReceivedMessages().length == 2);
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(ConsoleBrowserTests::recipient))
            .containsExactlyInAnyOrder("buyer@alumina.example", "policy@smelter.example");
        assertThat(mail.getReceivedMessages()[0].getSubject()).contains("Memorandum of Understanding");

        // The SMTP server has the message a moment before the ledger records it sent.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            driver.get(base + "/console/announcements/" + MOU_ID);
            assertThat(driver.findElements(By.cssSelector("#deliveries td.status")))
                .extracting((cell) -> cell.getText())
                .containsExactly("sent", "sent");
        });
        browser.screenshot("announcement-sent");
        driver.get(base + "/console/health");
        assertThat(driver.findElement(By.id("channels")).getText()).contains("email 2 0 0");
        assertThat(driver.findElements(By.cssSelector("figure svg polyline"))).hasSize(2);
        browser.screenshot("health");
    }

    @Test
    @Order(4)
    void previewsATextAgainstTheTaxonomy() throws Exception {
        WebDriver driver = browser();
        driver.get(base + "/console/preview");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Preview tagging");
        driver.findElement(By.id("title")).sendKeys("New lithium refinery and critical minerals strategy");
        driver.findElement(By.id("preview")).click();
        assertThat(waitFor(driver, By.id("preview-result")).getText()).contains("critical-minerals", "Relevance");
        browser.screenshot("preview");
    }

    @Test
    @Order(5)
    void searchesAndSuppressesAMemberAndRotatesAPartnersSecret() throws Exception {
        WebDriver driver = browser();
        driver.get(base + "/console/members");
        waitFor(driver, By.id("q")).sendKeys("smelter");
        driver.findElement(By.cssSelector("form[role=search] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#members tbody tr"), 1));
        assertThat(driver.getCurrentUrl()).as("no address in the URL").isEqualTo(base + "/console/members");
        driver.findElement(By.cssSelector("#members tbody tr button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "suppressed by staff"));
        browser.screenshot("members");
        driver.findElement(By.xpath("//tr[contains(., 'policy@smelter.example')]//button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions
            .not(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "suppressed by staff")));

        HttpResponse<String> partner = send("POST", "/api/v1/partners", ADMIN_KEY, """
                {"name":"Minerals Weekly","url":"https://partner.example.org/herald","contactEmail":"ops@example.org",
                 "tags":["steel"],"match":"any","minRelevance":1}
                """);
        assertThat(partner.statusCode()).as(partner.body()).isEqualTo(201);
        String firstSecret = partner.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        driver.get(base + "/console/partners");
        assertThat(waitFor(driver, By.id("partners")).getText()).contains("Minerals Weekly", "enabled");
        driver.findElement(By.xpath("//button[text()='Rotate secret']")).click();
        String rotated = waitFor(driver, By.id("rotated")).getText();
        assertThat(rotated).contains("whsec_").doesNotContain(firstSecret);
        browser.screenshot("partners");
    }

    @Test
    @Order(6)
    void addsAMemberByTheApisRulesAndTheSubscriptionCap() throws Exception {
        WebDriver driver = browser();
        driver.get(base + "/console/members");
        driver.findElement(By.id("add-member-link")).click();
        waitFor(driver, By.id("email")).sendKeys("not-an-email");
        driver.findElement(By.id("tags-0")).sendKeys("aluminium");
        driver.findElement(By.id("add-member")).click();
        assertThat(waitFor(driver, By.id("form-errors")).getText()).contains("Email: must be an email address");

        WebElement email = driver.findElement(By.id("email"));
        email.clear();
        email.sendKeys("analyst@refinery.example");
        driver.findElement(By.id("tags-1")).sendKeys("lithium");
        driver.findElement(By.id("tags-2")).sendKeys("copper, bad tag!");
        driver.findElement(By.id("add-member")).click();
        assertThat(waitFor(driver, By.id("form-errors")).getText())
            .contains("Subscription 3, tags: must be a tag: letters, digits and hyphens");
        WebElement third = driver.findElement(By.id("tags-2"));
        third.clear();
        third.sendKeys("copper");
        driver.findElement(By.id("add-member")).click();
        assertThat(waitFor(driver, By.id("form-errors")).getText())
            .contains("A member may have at most 2 subscriptions");
        browser.screenshot("member-new-refused");
        assertThat(send("POST", "/api/v1/members/search", ADMIN_KEY, "{\"email\":\"analyst@refinery.example\"}").body())
            .as("nothing added while refused")
            .contains("\"items\":[]");

        driver.findElement(By.id("tags-2")).clear();
        WebElement first = driver.findElement(By.id("tags-0"));
        first.clear();
        first.sendKeys("aluminium, steel");
        new Select(driver.findElement(By.id("frequency-1"))).selectByValue("daily");
        driver.findElement(By.id("add-member")).click();
        assertThat(waitFor(driver, By.id("notice")).getText()).isEqualTo("Member added.");
        assertThat(driver.getCurrentUrl()).as("no address in the URL").doesNotContain("refinery");
        assertThat(driver.findElement(By.id("tags-0")).getAttribute("value")).isEqualTo("aluminium, steel");
        assertThat(driver.findElement(By.id("tags-1")).getAttribute("value")).isEqualTo("lithium");
        browser.screenshot("member");
        String added = send("POST", "/api/v1/members/search", ADMIN_KEY, "{\"email\":\"analyst@refinery.example\"}")
            .body();
        assertThat(added).contains("\"tags\":[\"aluminium\",\"steel\"]", "\"tags\":[\"lithium\"]", "\"daily\"",
                "\"method\":\"admin-api\"");
        HttpResponse<String> duplicate = send("POST", "/api/v1/members", ADMIN_KEY,
                "{\"email\":\"Analyst@Refinery.example\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
    }

    @Test
    @Order(7)
    void editsAMembersSubscriptions() throws Exception {
        WebDriver driver = browser();
        driver.get(base + "/console/members");
        waitFor(driver, By.id("q")).sendKeys("smelter");
        driver.findElement(By.cssSelector("form[role=search] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#members tbody tr"), 1));
        driver.findElement(By.cssSelector("#members tbody tr a.edit")).click();
        WebElement tags = waitFor(driver, By.id("tags-0"));
        assertThat(tags.getAttribute("value")).isEqualTo("critical-minerals");
        assertThat(driver.getCurrentUrl()).doesNotContain("smelter");
        browser.screenshot("member-subscriptions", "subscriptions-form");
        tags.clear();
        driver.findElement(By.id("save-subscriptions")).click();
        assertThat(waitFor(driver, By.id("notice")).getText()).isEqualTo("Subscriptions saved.");
        assertThat(driver.findElement(By.id("tags-0")).getAttribute("value")).isEmpty();
        assertThat(send("POST", "/api/v1/members/search", ADMIN_KEY, "{\"email\":\"policy@smelter.example\"}").body())
            .contains("\"subscriptions\":[]");
    }

    @Test
    @Order(8)
    void resendsADeliveryButNeverToAMemberWhoUnsubscribed() throws Exception {
        WebDriver driver = browser();
        int before = mail.getReceivedMessages().length;
        driver.get(base + "/console/announcements/" + MOU_ID);
        driver.findElement(By.xpath("//tr[contains(., 'buyer@alumina.example')]//button[@class='resend']")).click();
        assertThat(waitFor(driver, By.id("resent")).getText()).contains("Sent again");
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.getReceivedMessages().length == before + 1);
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(ConsoleBrowserTests::recipient))
            .as("the resend went to the buyer, once more")
            .filteredOn("buyer@alumina.example"::equals)
            .hasSize(2);
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(ConsoleBrowserTests::subject))
            .allMatch((subject) -> subject.contains("Memorandum of Understanding"));
        driver.get(base + "/console/announcements/" + MOU_ID);
        browser.screenshot("announcement-resent", "deliveries");

        driver.findElement(By.xpath("//tr[contains(., 'policy@smelter.example')]//button[@class='resend']")).click();
        assertThat(waitFor(driver, By.id("resend-refused")).getText())
            .isEqualTo("Not sent again: The member unsubscribed from what this announcement is about.");
        browser.screenshot("announcement-resend-refused", "resend-refused");

        String deliveries = send("GET", "/api/v1/deliveries?announcementId=" + MOU_ID, ADMIN_KEY, null).body();
        Matcher smelter = Pattern.compile("\"id\":\"([^\"]+)\"[^}]*\"recipient\":\"policy@smelter.example\"")
            .matcher(deliveries);
        assertThat(smelter.find()).as(deliveries).isTrue();
        HttpResponse<String> refused = send("POST", "/api/v1/deliveries/" + smelter.group(1) + "/retry", ADMIN_KEY,
                null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("Resend refused", "unsubscribed");
        await().during(Duration.ofSeconds(1))
            .atMost(Duration.ofSeconds(3))
            .until(() -> mail.getReceivedMessages().length == before + 1);
    }

    @Test
    @Order(9)
    void showsTheDeadLettersOnTheHealthPage() throws Exception {
        WebDriver driver = browser();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ANNOUNCEMENTS_TAGGED, "poison", "{not json")).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            driver.get(base + "/console/health");
            return driver.findElement(By.id("dead-letters")).getText().contains(Topics.ANNOUNCEMENTS_TAGGED + ".dlt 1");
        });
        String deadLetters = driver.findElement(By.id("dead-letter-topics")).getText();
        assertThat(deadLetters).contains(Topics.ANNOUNCEMENTS + ".dlt 0")
            .contains(Topics.ANNOUNCEMENTS_TAGGED + " offset")
            .containsIgnoringCase("deserializ");
        browser.screenshot("health-dead-letters", "dead-letters");
    }

    @Test
    @Order(10)
    void signsOut() throws Exception {
        WebDriver driver = browser();
        driver.get(base + "/console/announcements");
        driver.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "You have signed out."));
        driver.get(base + "/console/health");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/console/sign-in");
    }

    @Test
    @Order(11)
    void refusesAFormPostWithoutItsCsrfToken() throws Exception {
        String session = signInOverHttp(ADMIN_KEY).orElseThrow();
        HttpResponse<String> noToken = form("/console/sending/pause", session, Map.of());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> wrongToken = form("/console/sending/pause", session, Map.of("_csrf", "forged"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/sending", ADMIN_KEY, null).body()).contains("\"paused\":false");

        String token = csrf(get("/console/health", session).body());
        HttpResponse<String> withToken = form("/console/sending/pause", session, Map.of("_csrf", token));
        assertThat(withToken.statusCode()).isEqualTo(303);
        assertThat(withToken.headers().firstValue("Location")).hasValue("/console/health");
        assertThat(send("GET", "/api/v1/sending", ADMIN_KEY, null).body()).contains("\"paused\":true");
        assertThat(form("/console/sending/resume", session, Map.of("_csrf", token)).statusCode()).isEqualTo(303);
        assertThat(send("GET", "/api/v1/sending", ADMIN_KEY, null).body()).contains("\"paused\":false");
    }

    @Test
    @Order(12)
    void refusesAWrongKeyAndSetsAStrictHttpOnlyCookieForTheRightOne() throws Exception {
        assertThat(signInOverHttp("not-an-admin-key")).isEmpty();
        HttpResponse<String> signIn = signInResponse(ADMIN_KEY);
        assertThat(signIn.statusCode()).isEqualTo(303);
        String cookie = signIn.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter((value) -> value.startsWith("herald_console="))
            .findFirst()
            .orElseThrow();
        assertThat(cookie).contains("; Path=/console", "; HttpOnly", "; SameSite=Strict").doesNotContain(ADMIN_KEY);
        assertThat(get("/console/announcements", "herald_console=forged.value").statusCode()).isEqualTo(303);
    }

    private void signIn(WebDriver driver) {
        driver.get(base + "/console/sign-in");
        driver.findElement(By.id("key")).sendKeys(ADMIN_KEY);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(driver, By.id("q"));
    }

    /**
     * The element, once the page that has it has loaded (a click does not wait for the
     * next page).
     */
    private static WebElement waitFor(WebDriver driver, By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static java.util.Optional<String> signInOverHttp(String key) throws Exception {
        HttpResponse<String> answer = signInResponse(key);
        return answer.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter((value) -> value.startsWith("herald_console="))
            .map((value) -> value.substring(0, value.indexOf(';')))
            .findFirst();
    }

    private static HttpResponse<String> signInResponse(String key) throws Exception {
        HttpResponse<String> formPage = get("/console/sign-in", null);
        String signInCookie = formPage.headers().firstValue("Set-Cookie").orElseThrow();
        signInCookie = signInCookie.substring(0, signInCookie.indexOf(';'));
        return form("/console/sign-in", signInCookie, Map.of("_csrf", csrf(formPage.body()), "key", key));
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in " + html).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String path, String cookie, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key);
        if (json != null) {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String recipient(Message message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
