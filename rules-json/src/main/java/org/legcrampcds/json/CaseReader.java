package org.legcrampcds.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.CrampSite;
import org.legcrampcds.model.Cramps;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.History;
import org.jspecify.annotations.Nullable;
import org.legcrampcds.model.InputDiagnostic;
import org.legcrampcds.model.IntRange;
import org.legcrampcds.model.InvalidCaseException;
import org.legcrampcds.model.LabResult;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Medication;
import org.legcrampcds.model.Patient;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.Sex;
import org.legcrampcds.model.Side;
import org.legcrampcds.model.Spelling;
import org.legcrampcds.model.Symptom;

/**
 * Reads the JSON case format (interfaces.md §1, catalogue §2) into validated {@link PatientCase}s.
 *
 * <p>This class makes the <em>structural</em> checks that only a reader of JSON can make: unknown
 * keys at the top level (v2.2) and inside {@code patient}, {@code cramps}, {@code history}, a
 * medication or a lab; wrong JSON types; integers written with a fraction or exponent (§2.8 item 4);
 * unknown codes; names of catalogue version 1. It hands them to {@link PatientCase.Builder} as input
 * errors, and the builder adds the semantic checks that hold for every format (ranges, units,
 * plausibility, duplicates, the generic-name table, what {@code notRecorded} allows, §11.1). All
 * errors of a case are collected and the case is rejected as a whole with an
 * {@link InvalidCaseException}: structural errors first, then semantic ones, each naming its JSON
 * path (for example {@code labs[0].unit}) and carrying its diagnostic code.
 *
 * <p>Numbers are read as {@link BigDecimal} straight from the JSON text, never through
 * {@code double} (§2.8 item 1), and keep their scale as written. Duplicate keys and trailing
 * content make the JSON malformed, so that no value is silently dropped. Malformed JSON is
 * reported on field {@code $} with its line and column, for example
 * {@code malformed JSON at line 3, column 14: Unexpected character ...}.
 *
 * <p>A case without {@code id} is named by its file name without {@code .json}, or, in JSON
 * Lines, by its line number. Thread-safe: the class holds no state.
 */
public final class CaseReader {

    /** Field path of errors about the document as a whole. */
    public static final String DOCUMENT = "$";

    static final String MISSING_FIELD = "missing field";
    static final String UNKNOWN_FIELD = "unknown field";

    private static final String TOP_PATIENT = "patient";
    private static final String TOP_CRAMPS = "cramps";
    private static final String TOP_HISTORY = "history";

    /** The top-level keys of interfaces.md §1; any other is rejected (catalogue v2.2). */
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("id", "description", "expect", "notRecorded", TOP_PATIENT,
            TOP_CRAMPS, TOP_HISTORY, "symptoms", "conditions", "medications", "labs");
    private static final Set<String> PATIENT_FIELDS = Set.of("ageYears", "sex", "pregnancyWeeks", "postpartumWeeks",
            "pregnant");
    private static final Set<String> CRAMPS_FIELDS = Set.of("nightsPerWeek", "durationMinutes", "sites", "side",
            "weeksSinceOnset");
    private static final Set<String> HISTORY_FIELDS = Set.of("longTravelHoursLast14Days", "immobilisedLast28Days",
            "majorSurgeryLast84Days", "strenuousExerciseLast48Hours", "sittingOrStandingHoursPerDay",
            "fluidIntakeLitresPerDay", "alcoholUnitsPerWeek", "smoker", "sleepsWithToesPointedOrProne");
    private static final Set<String> MEDICATION_FIELDS = Set.of("name", "drugClass", "startedDaysAgo");
    private static final Set<String> LAB_FIELDS = Set.of("test", "value", "unit", "upperLimitOfNormal", "daysSinceTaken");
    /** Catalogue version 1 names, rejected with their own code so that the fix (migration) is clear. */
    private static final String VERSION_1_HISTORY_FIELD = "immobilisedOrSurgeryLast28Days";
    private static final String VERSION_1_LAB_TEST = "CALCIUM";

    /**
     * Numbers whose scale (decimals, or a negative power of ten) lies beyond this are refused before
     * any arithmetic: no field of the format comes near it, and rounding a number like
     * {@code 1e999999999} would take the JVM minutes of big-integer arithmetic.
     */
    private static final int MAX_DECIMAL_EXPONENT = 1000;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Exact decimals from the JSON text, trailing zeros kept (§2.8 item 1). This is what the
            // deprecated JsonNodeFactory.withExactBigDecimals(true) did.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // Nothing silently dropped: a repeated key is malformed JSON (and so is content after
            // the case, see read).
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CaseReader() {
    }

    /**
     * Reads and validates one case file.
     *
     * @param file a JSON file holding one case; named by its file name without {@code .json} when
     *             it has no {@code id}
     * @return the validated case, its id set
     * @throws InvalidCaseException when the case is invalid or its JSON malformed (then on field
     *                              {@code $}, with line and column, Jackson's exception as cause)
     * @throws IOException          when the file cannot be read
     */
    public static PatientCase readCase(Path file) throws IOException {
        return orThrow(read(file));
    }

    /**
     * Reads and validates one case from JSON text.
     *
     * @param json      the case document
     * @param defaultId the case id when the document has no {@code id}; may be {@code null}
     * @return the validated case
     * @throws InvalidCaseException when the case is invalid or its JSON malformed
     */
    public static PatientCase readCase(String json, String defaultId) {
        return orThrow(read(json, defaultId));
    }

    /**
     * A file's bytes as UTF-8 text, strictly: bytes that are not UTF-8 fail instead of becoming U+FFFD,
     * which could change a value silently.
     *
     * @throws CharacterCodingException when the bytes are not UTF-8
     */
    public static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /**
     * Reads one case file without throwing for an invalid case, so that a batch can report it and
     * go on.
     *
     * @throws IOException when the file cannot be read
     */
    public static ReadResult read(Path file) throws IOException {
        String defaultId = defaultId(file);
        String source = file.getFileName().toString();
        String text;
        try {
            text = utf8(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            return rejected(defaultId, source, new InvalidCaseException(DOCUMENT, InputDiagnostic.MALFORMED_JSON,
                    "malformed JSON: the file is not UTF-8 text"), null);
        }
        return read(text, defaultId, source, 1);
    }

    /** Reads one case from JSON text without throwing for an invalid case; its source is named by {@code defaultId}. */
    public static ReadResult read(String json, @Nullable String defaultId) {
        return read(json, defaultId, defaultId == null ? DOCUMENT : defaultId, 1);
    }

    /**
     * Reads one case from JSON text without throwing for an invalid case.
     *
     * @param defaultId the case id when the document has none; may be null
     * @param source    where the text was read, as results name it (a file name)
     */
    public static ReadResult read(String json, @Nullable String defaultId, String source) {
        return read(json, defaultId, source, 1);
    }

    /**
     * Reads one line of JSON Lines input: the case is named by its line number when it has no
     * {@code id}, and a malformed-JSON error gives the line number in the input.
     *
     * @param line       one line holding one whole case
     * @param input      the name of the input, for the result's source ({@code cases.jsonl:17})
     * @param lineNumber its line number in the input, from 1
     */
    public static ReadResult readJsonLine(String line, String input, int lineNumber) {
        return read(line, String.valueOf(lineNumber), input + ":" + lineNumber, lineNumber);
    }

    /**
     * Reads JSON Lines input (one case per line, lines of JSON whitespace skipped) and hands each case to
     * {@code each} as soon as its line is read, in input order. Input whose first case runs over
     * several lines (a pretty-printed case) is not JSON Lines: it gets one rejection with code
     * {@code LCC-V017} saying so, instead of an error for every line.
     *
     * @param input         the lines
     * @param name          the input's name, for each result's source ({@code name:line})
     * @param standardInput whether they come from standard input (the advice differs)
     * @throws IOException when the input cannot be read
     */
    public static void readJsonLines(BufferedReader input, String name, boolean standardInput, Consumer<ReadResult> each)
            throws IOException {
        try {
            jsonLines(input, name, standardInput).forEachRemaining(pending -> each.accept(pending.read()));
        } catch (JsonLinesSplitter.ReadFailure e) {
            throw e.getCause();
        }
    }

    /**
     * The cases of JSON Lines input, in input order, each still to be read: the same cases
     * {@link #readJsonLines} reads, for a batch that reads them on several threads. The input is
     * read lazily, one line per case taken (the first case's line is parsed once to tell JSON Lines
     * from a pretty-printed case).
     *
     * @param input         the lines; the iterator throws an {@link UncheckedIOException} when they
     *                      cannot be read
     * @param name          the input's name, for each result's source ({@code name:line})
     * @param standardInput whether they come from standard input (the advice differs)
     */
    public static Iterator<PendingCase> jsonLines(BufferedReader input, String name, boolean standardInput) {
        return new JsonLinesSplitter(input, name, standardInput);
    }

    /** The name of a case without {@code id}: its file name without {@code .json}. */
    public static String defaultId(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    private static ReadResult read(String json, @Nullable String defaultId, String source, int firstLine) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(text)) {
            root = MAPPER.readTree(parser);
            if (root == null) {
                return rejected(defaultId, source, new InvalidCaseException(DOCUMENT, InputDiagnostic.MALFORMED_JSON,
                        "malformed JSON at line " + firstLine + ", column 1: the document is empty"), null);
            }
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "more content after the end of the case");
            }
        } catch (JsonProcessingException e) {
            InvalidCaseException malformed = new InvalidCaseException(DOCUMENT, InputDiagnostic.MALFORMED_JSON,
                    malformedReason(e, firstLine));
            malformed.initCause(e);
            return rejected(defaultId, source, malformed, null);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string cannot fail", e);
        }
        if (!root.isObject()) {
            return rejected(defaultId, source, new InvalidCaseException(DOCUMENT, InputDiagnostic.WRONG_TYPE,
                    "wrong type: must be an object"), null);
        }
        return new Reading().read(root, defaultId, source);
    }

    /** One line, no stack trace, no source excerpt: "malformed JSON at line L, column C: what". */
    private static String malformedReason(JsonProcessingException e, int firstLine) {
        // Jackson's own location notes ("[Source: ...; line: 1, column: 1]") count from the start of
        // the text it was given, not of the file: the reason gives the real line and column instead.
        String what = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ")
                .replaceAll(" ?\\(start marker at \\[Source:[^]]*]\\)", "").replaceAll(" ?at \\[Source:[^]]*]", "").trim();
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return "malformed JSON: " + what;
        }
        return "malformed JSON at line " + (firstLine - 1 + at.getLineNr()) + ", column " + at.getColumnNr() + ": " + what;
    }

    private static ReadResult rejected(@Nullable String caseId, String source, InvalidCaseException e,
                                       @Nullable String expect) {
        return new ReadResult.Rejected(caseId, source, e, expect);
    }

    private static PatientCase orThrow(ReadResult result) {
        return result.patientCaseOrThrow();
    }

    /** The reading of one case document: reports structural errors to the builder, which validates the rest. */
    private static final class Reading {

        private final PatientCase.Builder builder = PatientCase.builder();

        ReadResult read(JsonNode root, @Nullable String defaultId, String source) {
            knownFields(root, null, TOP_LEVEL_FIELDS);
            String id = caseId(root, defaultId);
            if (root.has("description") && !root.get("description").isTextual()) {
                error("description", InputDiagnostic.WRONG_TYPE, "wrong type: must be a string");
            }
            if (root.has("expect") && !root.get("expect").isObject()) {
                error("expect", InputDiagnostic.WRONG_TYPE, "wrong type: must be an object");
            }
            builder.id(id).patient(patient(root)).cramps(cramps(root)).history(history(root));
            codeList(root, "symptoms", Symptom.class, "symptom").forEach(builder::symptom);
            codeList(root, "conditions", Condition.class, "condition").forEach(builder::condition);
            List<JsonNode> medications = objects(root, "medications");
            for (int i = 0; i < medications.size(); i++) {
                builder.medication(medication(medications.get(i), "medications[" + i + "]"));
            }
            List<JsonNode> labs = objects(root, "labs");
            for (int i = 0; i < labs.size(); i++) {
                builder.lab(lab(labs.get(i), "labs[" + i + "]"));
            }
            notRecorded(root);
            JsonNode expect = root.get("expect");
            String expectJson = expect == null ? null : expect.toString();
            try {
                return new ReadResult.Accepted(builder.build(), source, null, expectJson);
            } catch (InvalidCaseException e) {
                return rejected(id, source, e, expectJson);
            }
        }

        private String caseId(JsonNode root, String defaultId) {
            JsonNode id = root.get("id");
            if (id == null) {
                return defaultId;
            }
            if (!id.isTextual()) {
                error("id", InputDiagnostic.WRONG_TYPE, "wrong type: must be a string");
                return defaultId;
            }
            return id.textValue();
        }

        /**
         * The {@code notRecorded} entries, as written; the model judges each one. An entry that is not
         * a string names no input, so it goes to the model as its JSON text, to be reported at its index.
         */
        private void notRecorded(JsonNode root) {
            JsonNode entries = root.get("notRecorded");
            if (entries == null) {
                return;
            }
            if (!entries.isArray()) {
                error("notRecorded", InputDiagnostic.WRONG_TYPE, "wrong type: must be an array");
                return;
            }
            entries.forEach(entry -> builder.notRecorded(entry.isTextual() ? entry.textValue() : entry.toString()));
        }

        private Patient patient(JsonNode root) {
            JsonNode patient = object(root, TOP_PATIENT, PATIENT_FIELDS);
            if (patient == null) {
                return null;
            }
            return new Patient(ageYears(patient),
                    code(patient, "sex", "patient.sex", Sex.class, "sex"),
                    integer(patient, "pregnancyWeeks", "patient.pregnancyWeeks", IntRange.PREGNANCY_WEEKS),
                    integer(patient, "postpartumWeeks", "patient.postpartumWeeks", IntRange.POSTPARTUM_WEEKS),
                    bool(patient, "pregnant", "patient.pregnant"));
        }

        /**
         * The age, or null after reporting why there is none. Catalogue §2.7 reports an age that is
         * no integer (a fraction, a string) with the age range's text, as it does an age out of
         * range; the model checks the range of an age that is an {@code int}.
         */
        private @Nullable Integer ageYears(JsonNode patient) {
            JsonNode age = patient.get("ageYears");
            if (age == null || age.isNull()) {
                error("patient.ageYears", InputDiagnostic.MISSING, MISSING_FIELD);
                return null;
            }
            if (!age.isIntegralNumber() || age.bigIntegerValue().bitLength() >= Integer.SIZE) {
                error("patient.ageYears", InputDiagnostic.OUT_OF_RANGE, IntRange.AGE_YEARS.reason());
                return null;
            }
            return age.intValue();
        }

        /** The cramps, fields absent or null left null: whether that is allowed depends on {@code notRecorded}. */
        private Cramps cramps(JsonNode root) {
            JsonNode cramps = object(root, TOP_CRAMPS, CRAMPS_FIELDS);
            if (cramps == null) {
                return null;
            }
            Set<CrampSite> sites = null;
            JsonNode sitesNode = cramps.get("sites");
            if (sitesNode != null && !sitesNode.isNull()) {
                sites = Set.copyOf(codes(sitesNode, "cramps.sites", CrampSite.class, "cramp site"));
            }
            return new Cramps(integer(cramps, "nightsPerWeek", "cramps.nightsPerWeek", IntRange.NIGHTS_PER_WEEK),
                    decimal(cramps, "durationMinutes", "cramps.durationMinutes"),
                    sites,
                    optionalCode(cramps, "side", "cramps.side", Side.class, "side"),
                    decimal(cramps, "weeksSinceOnset", "cramps.weeksSinceOnset"));
        }

        private History history(JsonNode root) {
            JsonNode history = object(root, TOP_HISTORY, HISTORY_FIELDS);
            if (history == null) {
                return null;
            }
            return new History(
                    decimal(history, "longTravelHoursLast14Days", "history.longTravelHoursLast14Days"),
                    bool(history, "immobilisedLast28Days", "history.immobilisedLast28Days"),
                    bool(history, "majorSurgeryLast84Days", "history.majorSurgeryLast84Days"),
                    bool(history, "strenuousExerciseLast48Hours", "history.strenuousExerciseLast48Hours"),
                    decimal(history, "sittingOrStandingHoursPerDay", "history.sittingOrStandingHoursPerDay"),
                    decimal(history, "fluidIntakeLitresPerDay", "history.fluidIntakeLitresPerDay"),
                    decimal(history, "alcoholUnitsPerWeek", "history.alcoholUnitsPerWeek"),
                    bool(history, "smoker", "history.smoker"),
                    bool(history, "sleepsWithToesPointedOrProne", "history.sleepsWithToesPointedOrProne"));
        }

        /**
         * A medication; an element that is not an object still yields an (empty) medication, so
         * that the model's indices stay those of the input.
         */
        private Medication medication(JsonNode node, String path) {
            if (!isObjectWithKnownFields(node, path, MEDICATION_FIELDS)) {
                return new Medication(null, null, null);
            }
            return new Medication(
                    string(node, "name", path + ".name"),
                    code(node, "drugClass", path + ".drugClass", DrugClass.class, "drug class"),
                    integer(node, "startedDaysAgo", path + ".startedDaysAgo", IntRange.STARTED_DAYS_AGO));
        }

        /** A lab; as for medications, a non-object element keeps its index. */
        private LabResult lab(JsonNode node, String path) {
            if (!isObjectWithKnownFields(node, path, LAB_FIELDS)) {
                return new LabResult(null, null, null, null, null);
            }
            JsonNode test = node.get("test");
            if (test != null && test.isTextual() && VERSION_1_LAB_TEST.equals(test.textValue())) {
                error(path + ".test", InputDiagnostic.VERSION_1_NAME,
                        "unknown lab test 'CALCIUM' (version 1; use ADJUSTED_CALCIUM for albumin-adjusted calcium)");
                return new LabResult(null, decimal(node, "value", path + ".value"), string(node, "unit", path + ".unit"),
                        null, null);
            }
            return new LabResult(
                    code(node, "test", path + ".test", LabTest.class, "lab test"),
                    decimal(node, "value", path + ".value"),
                    string(node, "unit", path + ".unit"),
                    decimal(node, "upperLimitOfNormal", path + ".upperLimitOfNormal"),
                    integer(node, "daysSinceTaken", path + ".daysSinceTaken", IntRange.DAYS_SINCE_TAKEN));
        }

        /** A top-level object; absent or null is left to the model (which knows what {@code notRecorded} allows). */
        private JsonNode object(JsonNode root, String key, Set<String> fields) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            return isObjectWithKnownFields(node, key, fields) ? node : null;
        }

        private boolean isObjectWithKnownFields(JsonNode node, String path, Set<String> fields) {
            if (!node.isObject()) {
                error(path, InputDiagnostic.WRONG_TYPE, "wrong type: must be an object");
                return false;
            }
            knownFields(node, path, fields);
            return true;
        }

        /** Reports every key of {@code node} that the format does not define; {@code path} null for the top level. */
        private void knownFields(JsonNode node, String path, Set<String> fields) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String field = path == null ? name : path + "." + name;
                if (TOP_HISTORY.equals(path) && VERSION_1_HISTORY_FIELD.equals(name)) {
                    error(field, InputDiagnostic.VERSION_1_NAME, UNKNOWN_FIELD
                            + " (version 1; use immobilisedLast28Days and majorSurgeryLast84Days)");
                } else if (!fields.contains(name)) {
                    String nearest = nearest(name, fields);
                    error(field, InputDiagnostic.UNKNOWN_FIELD, nearest == null ? UNKNOWN_FIELD
                            : UNKNOWN_FIELD + " (did you mean '" + nearest + "'?)");
                }
            }
        }

        /** The elements of an optional top-level array: absent means empty, null or not an array is wrong. */
        private List<JsonNode> objects(JsonNode root, String key) {
            JsonNode array = root.get(key);
            if (array == null) {
                return List.of();
            }
            if (!array.isArray()) {
                error(key, InputDiagnostic.WRONG_TYPE, "wrong type: must be an array");
                return List.of();
            }
            List<JsonNode> elements = new ArrayList<>();
            array.forEach(elements::add);
            return elements;
        }

        /** An optional coded list at the top level: absent means empty. */
        private <E extends Enum<E>> List<E> codeList(JsonNode root, String key, Class<E> type, String kind) {
            JsonNode array = root.get(key);
            return array == null ? List.of() : codes(array, key, type, kind);
        }

        /**
         * The known codes of a coded list, in input order; each unknown one (including any element
         * that is not a string, §2.8 item 6) is an error at its index. Not an array (null included)
         * is an error on the list, which then counts as empty.
         */
        private <E extends Enum<E>> List<E> codes(JsonNode array, String path, Class<E> type, String kind) {
            if (!array.isArray()) {
                error(path, InputDiagnostic.WRONG_TYPE, "wrong type: must be an array");
                return List.of();
            }
            List<E> codes = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                E code = code(array.get(i), path + "[" + i + "]", type, kind);
                if (code != null) {
                    codes.add(code);
                }
            }
            return codes;
        }

        /** The field's value, or null when it is absent or null. */
        private static JsonNode field(JsonNode object, String key) {
            JsonNode node = object.get(key);
            return node == null || node.isNull() ? null : node;
        }

        /** A coded field that must be present (outside cramps and history, where {@code notRecorded} decides). */
        private <E extends Enum<E>> E code(JsonNode object, String key, String path, Class<E> type, String kind) {
            JsonNode node = field(object, key);
            if (node == null) {
                error(path, InputDiagnostic.MISSING, MISSING_FIELD);
                return null;
            }
            return code(node, path, type, kind);
        }

        /** A coded field whose absence the model judges. */
        private <E extends Enum<E>> E optionalCode(JsonNode object, String key, String path, Class<E> type, String kind) {
            JsonNode node = field(object, key);
            return node == null ? null : code(node, path, type, kind);
        }

        /** Codes match the constant's name exactly; anything else, of any JSON type, is an unknown code. */
        private <E extends Enum<E>> E code(JsonNode node, String path, Class<E> type, String kind) {
            if (node.isTextual()) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(node.textValue())) {
                        return constant;
                    }
                }
            }
            error(path, InputDiagnostic.UNKNOWN_CODE, "unknown " + kind + " '" + (node.isTextual() ? node.textValue() : node.toString())
                    + "' (accepted: " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            return null;
        }

        /**
         * An integer written without fraction or exponent (§2.8 item 4). One too large for an
         * {@code int} is beyond the field's range, and reported here with the range's text; the
         * model checks the range of the others.
         */
        private @Nullable Integer integer(JsonNode object, String key, String path, IntRange range) {
            JsonNode node = field(object, key);
            if (node == null) {
                return null;
            }
            if (!node.isIntegralNumber()) {
                error(path, InputDiagnostic.WRONG_TYPE, "wrong type: must be an integer");
                return null;
            }
            BigInteger value = node.bigIntegerValue();
            if (value.bitLength() >= Integer.SIZE) {
                error(path, InputDiagnostic.OUT_OF_RANGE, range.reason());
                return null;
            }
            return value.intValue();
        }

        /** A number exactly as written; an integer is welcome where a number is asked for. */
        private BigDecimal decimal(JsonNode object, String key, String path) {
            JsonNode node = field(object, key);
            if (node == null) {
                return null;
            }
            if (!node.isNumber()) {
                error(path, InputDiagnostic.WRONG_TYPE, "wrong type: must be a number");
                return null;
            }
            BigDecimal value = node.decimalValue();
            if (Math.abs(value.scale()) > MAX_DECIMAL_EXPONENT) {
                error(path, InputDiagnostic.OUT_OF_RANGE, "out of range: exponent too large");
                return null;
            }
            return value;
        }

        /** A boolean, or null when absent; never a stand-in {@code false}. */
        private Boolean bool(JsonNode object, String key, String path) {
            JsonNode node = field(object, key);
            if (node == null) {
                return null;
            }
            if (!node.isBoolean()) {
                error(path, InputDiagnostic.WRONG_TYPE, "wrong type: must be a boolean");
                return null;
            }
            return node.booleanValue();
        }

        /** A string that must be present; emptiness is the model's to judge. */
        private String string(JsonNode object, String key, String path) {
            JsonNode node = field(object, key);
            if (node == null) {
                error(path, InputDiagnostic.MISSING, MISSING_FIELD);
                return null;
            }
            if (!node.isTextual()) {
                error(path, InputDiagnostic.WRONG_TYPE, "wrong type: must be a string");
                return null;
            }
            return node.textValue();
        }

        private void error(String field, InputDiagnostic diagnostic, String reason) {
            builder.inputError(field, diagnostic, reason);
        }
    }

    /**
     * The known key nearest to a misspelt one, for "did you mean": the fewest single-character edits
     * (Levenshtein distance), at most 2 and fewer than half the key's length, so that an unrelated key
     * gets no suggestion; ties go to the first in alphabetical order. {@code null} when none is near.
     */
    static @Nullable String nearest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(known)) {
            int distance = Spelling.distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 && bestDistance * 2 < key.length() ? best : null;
    }
}
