package org.legcrampcds.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.legcrampcds.cdshooks.CdsHooksService;
import org.legcrampcds.engine.CrampAssessor;

/**
 * Issue 17: every patient of the generated population gets the same result on every path that maps
 * FHIR. The command line reads each patient's Bundle; the CDS Hooks service (on a real loopback
 * socket) gets {@code patient-view} with the prefetch an EHR would send, built by running the
 * discovery's own prefetch queries against the patient's resources; the Spark job reads the same
 * patients as a Bulk Data export.
 */
@Tag("slow")
class EveryPathTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FINDING = Pattern.compile("^\\*\\*(.+)\\*\\* \\((EMERGENCY|URGENT|SOON|ROUTINE|INFO), ([A-Z0-9_]+)\\)$",
            Pattern.MULTILINE);
    private static final Pattern QUESTION = Pattern.compile("^- Ask about: .+ \\(would raise (.+)\\)$", Pattern.MULTILINE);
    private static final Pattern STALE = Pattern.compile("^- Repeat or update ([A-Z0-9_]+): taken (\\d+) days ago, older than its (\\d+)-day window",
            Pattern.MULTILINE);

    private static CdsHooksService service;

    @BeforeAll
    static void startService() {
        CrampAssessor assessor = CrampAssessor.builder().build();
        service = CdsHooksService.builder().host("127.0.0.1").port(0).assessor(() -> assessor)
                .clock(Clock.fixed(Population.AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).start();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theSparkJob_givesEveryPatientTheCommandLinesResult() {
        Map<String, JsonNode> cli = Population.cli();
        Map<String, JsonNode> job = Screenings.local();
        assertThat(job).hasSameSizeAs(Population.patients());
        SoftAssertions softly = new SoftAssertions();
        for (Population.Patient patient : Population.patients()) {
            JsonNode line = job.get(patient.patientId());
            assertThat(line).as(patient.caseId()).isNotNull();
            softly.assertThat(line.has("error")).as(patient.caseId() + " refused by the job: " + line.path("errors")).isFalse();
            softly.assertThat(Population.comparable(line)).as(patient.caseId())
                    .isEqualTo(Population.comparable(cli.get(patient.caseId())));
        }
        softly.assertAll();
    }

    /**
     * The cards of {@code patient-view} say the command line's result: the findings (code and urgency)
     * and so the highest urgency, the questions of {@code dataRequired} with the codes each would
     * raise, in order, and the stale labs; a complete record with current labs gets no partial-record
     * card. Suppressed advice is not shown to the clinician, so it is compared through the findings
     * it leaves out: a suppressed code never appears on a card.
     */
    @Test
    void patientView_withTheDiscoverysPrefetch_saysTheCommandLinesResult() throws IOException, InterruptedException {
        JsonNode discovery = get("/cds-services");
        JsonNode patientView = null;
        for (JsonNode s : discovery.path("services")) {
            if (s.path("hook").asText().equals("patient-view")) {
                patientView = s;
            }
        }
        assertThat(patientView).as("a patient-view service in discovery").isNotNull();
        SoftAssertions softly = new SoftAssertions();
        for (Population.Patient patient : Population.patients()) {
            List<ObjectNode> resources = Population.asOnTheServer(patient.bundle());
            ObjectNode body = Population.JSON.createObjectNode().put("hook", "patient-view")
                    .put("hookInstance", UUID.randomUUID().toString());
            body.putObject("context").put("userId", "Practitioner/population").put("patientId", patient.patientId());
            ObjectNode prefetch = body.putObject("prefetch");
            patientView.path("prefetch").properties().forEach(e ->
                    prefetch.set(e.getKey(), Prefetch.evaluate(e.getValue().asText(), patient.patientId(), resources)));
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/cds-services/"
                            + patientView.path("id").asText()))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Population.JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            softly.assertThat(answer.statusCode()).as(patient.caseId() + ": " + answer.body()).isEqualTo(200);
            if (answer.statusCode() == 200) {
                assertSameResult(softly, patient.caseId(), Population.readTree(answer.body()), Population.cli().get(patient.caseId()));
            }
        }
        softly.assertAll();
    }

    private static void assertSameResult(SoftAssertions softly, String caseId, JsonNode answer, JsonNode cli) {
        List<String> findings = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (JsonNode card : answer.path("cards")) {
            String detail = card.path("detail").asText();
            if (card.path("summary").asText().startsWith("Leg cramps, partial record")) {
                Matcher q = QUESTION.matcher(detail);
                while (q.find()) {
                    questions.add(q.group(1));
                }
                Matcher s = STALE.matcher(detail);
                while (s.find()) {
                    stale.add(s.group(1) + " " + s.group(2) + " " + s.group(3));
                }
            } else {
                Matcher f = FINDING.matcher(detail);
                while (f.find()) {
                    findings.add(f.group(3) + " " + f.group(2));
                }
            }
        }
        List<String> cliFindings = new ArrayList<>();
        cli.path("findings").forEach(f -> cliFindings.add(f.path("code").asText() + " " + f.path("urgency").asText()));
        List<String> cliQuestions = new ArrayList<>();
        cli.path("dataRequired").forEach(q -> {
            List<String> codes = new ArrayList<>();
            q.path("for").forEach(c -> codes.add(c.asText()));
            cliQuestions.add(String.join(", ", codes));
        });
        List<String> cliStale = new ArrayList<>();
        cli.path("staleLabs").forEach(l -> cliStale.add(l.path("test").asText() + " " + l.path("daysSinceTaken").asText()
                + " " + l.path("maxDays").asText()));
        softly.assertThat(findings).as(caseId + " findings").containsExactlyInAnyOrderElementsOf(cliFindings);
        softly.assertThat(highest(findings)).as(caseId + " highest urgency").isEqualTo(cli.path("highestUrgency").asText());
        softly.assertThat(questions).as(caseId + " dataRequired").isEqualTo(cliQuestions);
        softly.assertThat(stale).as(caseId + " staleLabs").isEqualTo(cliStale);
        Set<String> shown = new java.util.HashSet<>();
        findings.forEach(f -> shown.add(f.substring(0, f.indexOf(' '))));
        cli.path("suppressed").forEach(s -> softly.assertThat(shown).as(caseId + " suppressed").doesNotContain(s.path("code").asText()));
        if (cli.path("recordComplete").asBoolean() && cliStale.isEmpty()) {
            softly.assertThat(questions).as(caseId + " a complete record asks nothing").isEmpty();
        }
    }

    private static String highest(List<String> findings) {
        List<String> order = List.of("EMERGENCY", "URGENT", "SOON", "ROUTINE", "INFO");
        return findings.stream().map(f -> f.substring(f.indexOf(' ') + 1)).min((a, b) -> order.indexOf(a) - order.indexOf(b))
                .orElse("INFO");
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        return Population.readTree(answer.body());
    }

    /**
     * A CDS client's prefetch: each discovery template with the context's patient filled in, run as
     * a FHIR read or search against the patient's resources as the EHR's server holds them. Only the
     * parameters the service's templates use are understood ({@code patient}, {@code code} as a
     * comma-separated list of tokens); any other fails the test, so that a new template is not
     * silently answered with everything.
     */
    static final class Prefetch {

        private Prefetch() {
        }

        static JsonNode evaluate(String template, String patientId, List<ObjectNode> resources) {
            String query = template.replace("{{context.patientId}}", patientId);
            int question = query.indexOf('?');
            if (question < 0) {
                String[] read = query.split("/");
                for (ObjectNode r : resources) {
                    if (r.path("resourceType").asText().equals(read[0]) && r.path("id").asText().equals(read[1])) {
                        return r;
                    }
                }
                throw new AssertionError("no " + query);
            }
            String type = query.substring(0, question);
            Map<String, String> parameters = new HashMap<>();
            for (String parameter : query.substring(question + 1).split("&")) {
                int eq = parameter.indexOf('=');
                parameters.put(parameter.substring(0, eq), URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8));
            }
            assertThat(parameters.keySet()).as("search parameters of " + template).isSubsetOf("patient", "code");
            String reference = "Patient/" + parameters.get("patient");
            Set<String> codes = parameters.containsKey("code") ? Set.of(parameters.get("code").split(",")) : null;
            ObjectNode bundle = Population.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
            ArrayNode entries = bundle.putArray("entry");
            int total = 0;
            for (ObjectNode r : resources) {
                if (r.path("resourceType").asText().equals(type) && refersTo(r, reference) && (codes == null || hasCode(r, codes))) {
                    entries.addObject().put("fullUrl", type + "/" + r.path("id").asText()).set("resource", r);
                    total++;
                }
            }
            bundle.put("total", total);
            return bundle;
        }

        private static boolean refersTo(JsonNode resource, String reference) {
            return reference.equals(resource.path("subject").path("reference").asText())
                    || reference.equals(resource.path("patient").path("reference").asText());
        }

        /** A token is {@code code} or {@code system|code}. */
        private static boolean hasCode(JsonNode resource, Set<String> tokens) {
            for (JsonNode coding : resource.path("code").path("coding")) {
                String code = coding.path("code").asText();
                if (tokens.contains(code) || tokens.contains(coding.path("system").asText() + "|" + code)) {
                    return true;
                }
            }
            return false;
        }
    }
}
