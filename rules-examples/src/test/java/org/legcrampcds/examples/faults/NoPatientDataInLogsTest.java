package org.legcrampcds.examples.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.engine.CaseOutcome;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.engine.ParallelAssessor;
import org.legcrampcds.examples.cli.LegCrampCli;
import org.legcrampcds.fhir.FhirCaseMapper;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.Cramps;
import org.legcrampcds.model.CrampSite;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.History;
import org.legcrampcds.model.InvalidCaseException;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.LabResult;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Medication;
import org.legcrampcds.model.Patient;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Sex;
import org.legcrampcds.model.Side;
import org.legcrampcds.reference.ReferenceEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards against patient data in the logs: the README promises that patient data is logged only at
 * DEBUG, since INFO and above usually end up in shared log files and log aggregators that are not
 * cleared for health data. Everything logged at INFO and above (by the library, Drools, HAPI FHIR and the
 * command line) is captured while the command line assesses a directory of cases and FHIR Bundles
 * and a JSON Lines batch of a few hundred cases (the parallel batch path, on several threads), in
 * both output formats, with valid, invalid and malformed input, and while the Java API reads,
 * builds, maps and assesses cases, one by one and as a parallel batch. The batch's closing summary
 * on standard error is checked the same way. No captured
 * message, argument, key-value pair, MDC value or throwable text may hold a case id, a lab value as
 * written or a medication name of the input; all of them are made distinctive, so that a hit is
 * never a coincidence.
 */
class NoPatientDataInLogsTest {

    private static final Logger LOG = LoggerFactory.getLogger(NoPatientDataInLogsTest.class);
    private static final String ID_PREFIX = "case-id-SECRET-1234-";
    private static final long SEED = 0x106_5EC2E7L;
    private static final int DIRECTORY_CASES = 12;
    private static final int BATCH_CASES = 200;
    private static final String AS_OF = "2026-12-01";

    @TempDir
    Path dir;

    /** Everything the input holds that must not be logged, as written. */
    private final Set<String> secrets = new LinkedHashSet<>();
    private final LogCapture capture = new LogCapture();
    /** The valid cases the Java API read, assessed again as a parallel batch. */
    private final List<PatientCase> apiCases = new ArrayList<>();
    private int labCounter;

    @BeforeEach
    void startCapture() {
        capture.start();
    }

    @AfterEach
    void stopCapture() {
        capture.stop();
    }

    @Test
    void noCaseIdLabValueOrMedicationNameIsLoggedAtInfoOrAbove() throws IOException, InterruptedException {
        String marker = "fault-test capture check " + UUID.randomUUID();
        LOG.info(marker);

        Path cases = Files.createDirectory(dir.resolve("cases"));
        writeDirectory(cases);
        List<String> batch = batchLines();
        Path batchFile = Files.writeString(dir.resolve("batch.jsonl"), String.join("\n", batch) + "\n", StandardCharsets.UTF_8);
        byte[] stdin = Files.readAllBytes(batchFile);

        // JSON Lines goes through the parallel batch path: several worker threads read, assess and render.
        CliRun text = cli(new byte[0], "assess", "--format", "text", "--threads", "2", "--as-of", AS_OF, cases.toString(),
                batchFile.toString());
        CliRun json = cli(stdin, "assess", "--format", "json", "--threads", "3", "--as-of", AS_OF, cases.toString(), "-");
        javaApi();

        // The runs did what they were asked, so that the logs were exercised on real work.
        assertThat(text.status()).as("text run, stderr: %s", text.err()).isEqualTo(2);
        assertThat(json.status()).as("json run, stderr: %s", json.err()).isEqualTo(2);
        assertThat(text.out()).contains(ID_PREFIX + "batch-7").contains(" invalid");
        assertThat(json.out().lines().filter(l -> l.contains("\"findings\""))).hasSizeGreaterThan(BATCH_CASES / 2);
        assertThat(json.out().lines().filter(l -> l.contains("\"error\""))).hasSizeGreaterThan(BATCH_CASES / 20);

        // The batch's closing summary on standard error holds counts only.
        assertThat(text.err()).contains("cases/s");
        assertThat(json.err()).contains("cases/s");
        assertThat(leaks(List.of(text.err(), json.err()))).as("standard error holding patient data").isEmpty();

        List<String> logged = capture.texts();
        // The capture works: our own INFO line and the library's rule-base line were both seen.
        assertThat(logged).anyMatch(t -> t.contains(marker));
        assertThat(logged).anyMatch(t -> t.contains("rule base") && t.contains("built"));
        // The check works: it would see a secret in a message.
        String labValue = secrets.stream().filter(s -> Character.isDigit(s.charAt(0))).findFirst().orElseThrow();
        assertThat(leaks(List.of("potassium was " + labValue))).isNotEmpty();
        assertThat(leaks(List.of("assessed " + ID_PREFIX.toUpperCase(Locale.ROOT) + "dir-0"))).isNotEmpty();
        assertThat(secrets).hasSizeGreaterThan(3 * BATCH_CASES);

        assertThat(leaks(logged)).as("log messages at INFO and above holding patient data").isEmpty();
    }

    // ------------------------------------------------------------------ input

    /** Random cases with distinctive ids, lab values and medication names, pretty-printed, and some that are not valid. */
    private void writeDirectory(Path cases) throws IOException {
        List<String> texts = FaultCases.affordableTexts(SEED, DIRECTORY_CASES);
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode c = distinctive(texts.get(i), "dir-" + i);
            Files.writeString(cases.resolve(String.format("c%02d.json", i)),
                    ReferenceEvaluator.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(c), StandardCharsets.UTF_8);
        }
        // Named by its file name: the file name is its case id.
        ObjectNode noId = distinctive(texts.get(0), "noid");
        noId.remove("id");
        secret(ID_PREFIX + "file-name");
        Files.writeString(cases.resolve(ID_PREFIX + "file-name.json"), write(noId), StandardCharsets.UTF_8);
        // Invalid: a unit the test does not accept, and a lab value that is implausible.
        ObjectNode badUnit = distinctive(texts.get(1), "dir-bad-unit");
        labs(badUnit).addObject().put("test", "POTASSIUM").set("value", value("3.1"));
        ((ObjectNode) labs(badUnit).get(labs(badUnit).size() - 1)).put("unit", "mg/dL");
        dedupeLabs(badUnit);
        Files.writeString(cases.resolve("x-bad-unit.json"), write(badUnit), StandardCharsets.UTF_8);
        // Malformed JSON, cut off in the middle of a case.
        String cut = write(distinctive(texts.get(2), "dir-cut"));
        Files.writeString(cases.resolve("x-cut.json"), cut.substring(0, cut.length() * 2 / 3), StandardCharsets.UTF_8);
        // FHIR: a Bundle that maps, and one with a malformed quantity.
        Files.writeString(cases.resolve(ID_PREFIX + "fhir-ok.json"), bundle("3.40000917", "medname-SECRET-fhir-ok"),
                StandardCharsets.UTF_8);
        Files.writeString(cases.resolve(ID_PREFIX + "fhir-bad.json"), bundle("\"3,98761\"", "medname-SECRET-fhir-bad"),
                StandardCharsets.UTF_8);
        secret(ID_PREFIX + "fhir-ok");
        secret(ID_PREFIX + "fhir-bad");
        secret("3.40000917");
        secret("3,98761");
    }

    /**
     * JSON Lines: mostly valid random cases; every tenth line invalid in one of several ways, each
     * carrying distinctive data; a few blank lines.
     */
    private List<String> batchLines() throws IOException {
        List<String> texts = FaultCases.affordableTexts(SEED + 1, BATCH_CASES);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode c = distinctive(texts.get(i), "batch-" + i);
            if (i % 50 == 25) {
                lines.add(i % 100 == 25 ? "" : "   ");
            }
            if (i % 10 != 9) {
                lines.add(write(c));
                continue;
            }
            switch ((i / 10) % 6) {
                case 0 -> { // truncated JSON
                    String line = write(c);
                    lines.add(line.substring(0, line.length() / 2));
                }
                case 1 -> { // a lab value of the wrong type, holding a distinctive text
                    String v = "4.1234" + i + "9";
                    secret(v);
                    labs(c).addObject().put("test", "SODIUM").put("value", v).put("unit", "mmol/L");
                    dedupeLabs(c);
                    lines.add(write(c));
                }
                case 2 -> { // an unknown drug class for a distinctive name
                    String name = "medname-SECRET-unknown-class-" + i;
                    secret(name);
                    meds(c).addObject().put("name", name).put("drugClass", "NOT_A_CLASS");
                    lines.add(write(c));
                }
                case 3 -> { // an implausible value
                    String v = "987654.0" + i + "3";
                    secret(v);
                    labs(c).addObject().put("test", "CK").set("value", new DecimalNode(new BigDecimal(v)));
                    ((ObjectNode) labs(c).get(labs(c).size() - 1)).put("unit", "U/L");
                    dedupeLabs(c);
                    lines.add(write(c));
                }
                case 4 -> { // a blank medication name next to a distinctive one, and a wrong-type id
                    meds(c).addObject().put("name", " ").put("drugClass", "OTHER");
                    lines.add(write(c).replace("\"id\":\"" + ID_PREFIX, "\"id\":[\"" + ID_PREFIX).replaceFirst(
                            "(\"id\":\\[\"[^\"]*\")", "$1]"));
                }
                default -> { // an unknown top-level field whose value is patient data
                    c.put("patientName", "medname-SECRET-field-" + i);
                    secret("medname-SECRET-field-" + i);
                    lines.add(write(c));
                }
            }
        }
        return lines;
    }

    /**
     * The case with id {@code case-id-SECRET-1234-<suffix>}, every medication renamed to a
     * distinctive name (a name outside the generic-name table may carry any class) and every lab
     * value given distinctive trailing digits; all of them recorded as secrets.
     */
    private ObjectNode distinctive(String text, String suffix) throws IOException {
        ObjectNode c = (ObjectNode) ReferenceEvaluator.MAPPER.readTree(text);
        String id = ID_PREFIX + suffix;
        c.put("id", id);
        secret(id);
        JsonNode meds = c.get("medications");
        if (meds != null) {
            for (int k = 0; k < meds.size(); k++) {
                String name = "medname-SECRET-" + suffix + "-" + k;
                ((ObjectNode) meds.get(k)).put("name", name);
                secret(name);
            }
        }
        JsonNode labs = c.get("labs");
        if (labs != null) {
            for (JsonNode lab : labs) {
                ((ObjectNode) lab).set("value", value(lab.get("value").decimalValue().toPlainString()));
            }
        }
        return c;
    }

    /** {@code raw} with distinctive trailing digits (changing it by less than 0.0001), recorded as a secret. */
    private JsonNode value(String raw) {
        String v = raw + (raw.contains(".") ? "" : ".") + "000" + String.format("%04d", labCounter++) + "7";
        secret(v);
        return new DecimalNode(new BigDecimal(v));
    }

    private static ArrayNode labs(ObjectNode c) {
        return c.has("labs") ? (ArrayNode) c.get("labs") : c.putArray("labs");
    }

    private static ArrayNode meds(ObjectNode c) {
        return c.has("medications") ? (ArrayNode) c.get("medications") : c.putArray("medications");
    }

    /** Keeps the last lab of each test only, so that an added lab is not rejected as a duplicate instead. */
    private static void dedupeLabs(ObjectNode c) {
        Map<String, JsonNode> byTest = new LinkedHashMap<>();
        for (JsonNode lab : labs(c)) {
            byTest.remove(lab.get("test").asText());
            byTest.put(lab.get("test").asText(), lab);
        }
        ArrayNode labs = c.putArray("labs");
        byTest.values().forEach(labs::add);
    }

    private static String write(JsonNode node) throws IOException {
        return ReferenceEvaluator.MAPPER.writeValueAsString(node);
    }

    private void accepted(PatientCase c) {
        apiCases.add(c);
    }

    private void secret(String s) {
        secrets.add(s);
    }

    /** A FHIR R4 Bundle: a woman born 1955, a medication statement by name only, a potassium. */
    private static String bundle(String potassiumJson, String medicationName) {
        return """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1",
                    "gender": "female", "birthDate": "1955-03-04"}},
                  {"fullUrl": "urn:uuid:m1", "resource": {"resourceType": "MedicationStatement", "id": "m1",
                    "status": "active", "medicationCodeableConcept": {"text": "%s"},
                    "subject": {"reference": "urn:uuid:p1"}, "effectiveDateTime": "2026-10-01"}},
                  {"fullUrl": "urn:uuid:o1", "resource": {"resourceType": "Observation", "id": "o1",
                    "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}]},
                    "subject": {"reference": "urn:uuid:p1"}, "effectiveDateTime": "2026-11-27T09:10:00Z",
                    "valueQuantity": {"value": %s, "unit": "mmol/L", "system": "http://unitsofmeasure.org",
                      "code": "mmol/L"}}}]}
                """.formatted(medicationName, potassiumJson);
    }

    // ------------------------------------------------------------------ running

    private record CliRun(int status, String out, String err) {
    }

    private static CliRun cli(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LegCrampCli.run(args, new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err));
        return new CliRun(status, out.toString(), err.toString());
    }

    /** The Java API: reading (valid and invalid), building, mapping FHIR and assessing. */
    private void javaApi() throws IOException, InterruptedException {
        CrampAssessor assessor = Engines.builtIn();
        List<String> texts = FaultCases.affordableTexts(SEED + 2, 40);
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode c = distinctive(texts.get(i), "api-" + i);
            if (i % 4 == 3) {
                labs(c).addObject().put("test", "MAGNESIUM").put("unit", "furlongs").set("value", value("0.8"));
                dedupeLabs(c);
            }
            String text = write(c);
            ReadResult read = CaseReader.read(text, null);
            if (read instanceof ReadResult.Accepted accepted) {
                assessor.assess(accepted.patientCase());
                accepted(accepted.patientCase());
            } else {
                assertThatThrownBy(() -> CaseReader.readCase(text, null)).isInstanceOf(InvalidCaseException.class);
            }
        }

        // The parallel batch API, with a failing case among them (a null element).
        List<PatientCase> batch = new ArrayList<>(apiCases);
        batch.add(null);
        List<CaseOutcome> outcomes = ParallelAssessor.of(assessor).withThreads(3).withWindow(4).assessAll(batch);
        assertThat(outcomes).hasSize(batch.size()).last().isInstanceOf(CaseOutcome.Failed.class);
        assertThat(outcomes.subList(0, apiCases.size())).allMatch(o -> o instanceof CaseOutcome.Assessed);

        String id = ID_PREFIX + "builder";
        String drug = "medname-SECRET-builder";
        secret(id);
        secret(drug);
        BigDecimal magnesium = new BigDecimal(value("1.9").decimalValue().toPlainString());
        PatientCase.Builder builder = PatientCase.builder().id(id)
                .patient(new Patient(67, Sex.FEMALE, null, null))
                .cramps(new Cramps(5, new BigDecimal("3"), Set.of(CrampSite.CALF), Side.BOTH, new BigDecimal("6")))
                .history(History.builder().longTravelHoursLast14Days(BigDecimal.ZERO).immobilisedLast28Days(false)
                        .majorSurgeryLast84Days(false).strenuousExerciseLast48Hours(false)
                        .sittingOrStandingHoursPerDay(new BigDecimal("6")).fluidIntakeLitresPerDay(new BigDecimal("1.5"))
                        .alcoholUnitsPerWeek(new BigDecimal("2")).smoker(false).sleepsWithToesPointedOrProne(true).build())
                .medication(new Medication(drug, DrugClass.LOOP_DIURETIC, 70))
                .lab(new LabResult(LabTest.MAGNESIUM, magnesium, "mg/dL"));
        assertThat(assessor.assess(builder.build()).codes()).isNotEmpty();
        assertThatThrownBy(() -> builder.lab(new LabResult(LabTest.POTASSIUM, new BigDecimal(value("3.3").decimalValue()
                .toPlainString()), "mg/dL")).build()).isInstanceOf(InvalidCaseException.class);

        FhirCaseMapper mapper = FhirCaseMapper.create();
        String fhirId = ID_PREFIX + "fhir-api";
        secret(fhirId);
        secret("medname-SECRET-fhir-api");
        ReadResult mapping = mapper.read(bundle("3.60000913", "medname-SECRET-fhir-api"), LocalDate.parse(AS_OF), fhirId,
                "api");
        secret("3.60000913");
        assessor.assess(mapping.patientCaseOrThrow());
        secret("4,00000911");
        assertThatThrownBy(() -> mapper.read(bundle("\"4,00000911\"", "medname-SECRET-fhir-api"), LocalDate.parse(AS_OF),
                fhirId, "api").patientCaseOrThrow()).isInstanceOf(InvalidCaseException.class);
    }

    // ------------------------------------------------------------------ checking

    /** Each captured text that holds a secret (case-insensitively), with the secret. */
    private List<String> leaks(List<String> logged) {
        List<String> leaks = new ArrayList<>();
        for (String text : logged) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("secret")) {
                leaks.add("[contains SECRET] " + text);
                continue;
            }
            for (String s : secrets) {
                if (lower.contains(s.toLowerCase(Locale.ROOT))) {
                    leaks.add("[" + s + "] " + text);
                    break;
                }
            }
        }
        return leaks;
    }

    /**
     * Captures every event at INFO and above into a list: the root logger and every logger that the
     * test configuration quietens (Drools, KIE) let INFO through while it runs, and the console
     * appenders are detached meanwhile, so that the build output stays quiet. {@link #stop} puts the
     * configuration back as it was.
     */
    private static final class LogCapture {
        private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        private final Map<ch.qos.logback.classic.Logger, Level> levels = new LinkedHashMap<>();
        private final Map<ch.qos.logback.classic.Logger, List<Appender<ILoggingEvent>>> appenders = new LinkedHashMap<>();
        private final ListAppender<ILoggingEvent> list = new ListAppender<>();
        private final ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

        void start() {
            for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
                Level level = logger.getLevel();
                if (level != null && level.toInt() > Level.INFO_INT || logger == root) {
                    levels.put(logger, level);
                    logger.setLevel(Level.INFO);
                }
                List<Appender<ILoggingEvent>> attached = new ArrayList<>();
                logger.iteratorForAppenders().forEachRemaining(attached::add);
                if (!attached.isEmpty()) {
                    appenders.put(logger, attached);
                    attached.forEach(logger::detachAppender);
                }
            }
            list.setContext(context);
            list.setName("fault-test-capture");
            list.start();
            root.addAppender(list);
        }

        void stop() {
            root.detachAppender(list);
            list.stop();
            levels.forEach(ch.qos.logback.classic.Logger::setLevel);
            appenders.forEach((logger, attached) -> attached.forEach(logger::addAppender));
        }

        /** Each captured event at INFO or above as all the text it carries. */
        List<String> texts() {
            List<ILoggingEvent> events;
            synchronized (list) {
                events = List.copyOf(list.list);
            }
            List<String> texts = new ArrayList<>();
            for (ILoggingEvent e : events) {
                if (!e.getLevel().isGreaterOrEqual(Level.INFO)) {
                    continue;
                }
                StringBuilder text = new StringBuilder(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage());
                if (e.getArgumentArray() != null) {
                    for (Object argument : e.getArgumentArray()) {
                        text.append(" | ").append(argument);
                    }
                }
                if (e.getKeyValuePairs() != null) {
                    e.getKeyValuePairs().forEach(kv -> text.append(" | ").append(kv.key).append('=').append(kv.value));
                }
                e.getMDCPropertyMap().forEach((k, v) -> text.append(" | ").append(k).append('=').append(v));
                if (e.getThrowableProxy() != null) {
                    text.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
                }
                texts.add(text.toString());
            }
            return texts;
        }
    }
}
