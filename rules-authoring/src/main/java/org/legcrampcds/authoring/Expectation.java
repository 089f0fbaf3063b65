package org.legcrampcds.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.legcrampcds.json.AssessmentJson;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ValidationError;

/**
 * A fixture's {@code expect} block: what the result of its case must be. Two forms:
 * <ul>
 *   <li><b>partial</b>: {@code present} and {@code absent} lists of finding codes (and optionally
 *       {@code suppressed}): each present code must be among the findings, each absent one not;</li>
 *   <li><b>complete</b>, when {@code highestUrgency} is given: {@code present} and {@code suppressed}
 *       are then the exact sets, and {@code dataRequired}, {@code staleLabs} and {@code recordComplete}
 *       must equal the result's (a complete record's {@code []}, {@code []}, {@code true} when left out).</li>
 * </ul>
 * {@code nearMissFor} lists codes the case exists to prove silent (checked as absent), and
 * {@code suppressedFor} codes it proves withheld (checked as suppressed); {@code suppressedBy} maps a
 * code to the interlocks that withhold it. An invalid-input fixture says {@code error: {field, code}}:
 * the case must be rejected with that error. {@code nearMissForPath} documents a rule path the case
 * proves does not happen; it is compared through the complete result. Any other key is a mistake in
 * the fixture and is reported, never ignored.
 */
public final class Expectation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("present", "absent", "suppressed", "suppressedBy", "highestUrgency",
            "dataRequired", "staleLabs", "recordComplete", "nearMissFor", "suppressedFor", "nearMissForPath", "error");

    private final JsonNode expect;
    private final List<String> malformed = new ArrayList<>();

    private Expectation(JsonNode expect) {
        this.expect = expect;
        if (!expect.isObject()) {
            malformed.add("expect must be an object");
            return;
        }
        expect.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                malformed.add("unknown key '" + key + "' in expect (known: " + new TreeSet<>(KEYS) + ")");
            }
        });
    }

    static Expectation of(JsonNode expect) {
        return new Expectation(expect);
    }

    /** Whether the block is a complete result ({@code highestUrgency} given). */
    public boolean isComplete() {
        return expect.has("highestUrgency");
    }

    /** The codes this fixture proves silent: {@code absent} and {@code nearMissFor}. */
    public SortedSet<String> absent() {
        SortedSet<String> codes = strings("absent");
        codes.addAll(strings("nearMissFor"));
        return codes;
    }

    /** Whether the fixture expects its case to be rejected. */
    public boolean expectsError() {
        return expect.has("error");
    }

    /** Every difference between this expectation and an assessment of the fixture's case. */
    List<Mismatch> compare(String fixture, Assessment result) {
        List<Mismatch> out = new ArrayList<>();
        malformed.forEach(m -> out.add(new Mismatch(fixture, "expect", m)));
        if (expectsError()) {
            out.add(new Mismatch(fixture, "error", "expected " + expectedError() + ", but the case was assessed"));
            return out;
        }
        Set<String> found = new TreeSet<>(result.codes());
        Set<String> suppressed = new TreeSet<>(result.suppressedCodes());
        for (String code : strings("present")) {
            if (!found.contains(code)) {
                out.add(new Mismatch(fixture, code, suppressed.contains(code)
                        ? "expected in findings, but suppressed by " + suppressorsOf(result, code) : "expected in findings, not produced"));
            }
        }
        for (String code : absent()) {
            if (found.contains(code)) {
                out.add(new Mismatch(fixture, code, "expected absent, but produced by rule " + result.finding(code).orElseThrow().ruleId()));
            }
        }
        SortedSet<String> expectedSuppressed = strings("suppressed");
        expectedSuppressed.addAll(strings("suppressedFor"));
        for (String code : expectedSuppressed) {
            if (!suppressed.contains(code)) {
                out.add(new Mismatch(fixture, code, found.contains(code) ? "expected suppressed, but in findings" : "expected suppressed, not produced"));
            }
        }
        expect.path("suppressedBy").properties().forEach(e -> {
            SortedSet<String> by = new TreeSet<>();
            e.getValue().forEach(n -> by.add(n.asText()));
            SortedSet<String> actual = suppressorsOf(result, e.getKey());
            if (!by.equals(actual)) {
                out.add(new Mismatch(fixture, e.getKey(), "expected suppressed by " + by + ", got " + actual));
            }
        });
        if (isComplete()) {
            compareComplete(fixture, result, found, suppressed, out);
        }
        return out;
    }

    /** The extra checks of a complete result: nothing more was found or withheld, and the partial-record fields agree. */
    private void compareComplete(String fixture, Assessment result, Set<String> found, Set<String> suppressed, List<Mismatch> out) {
        Set<String> present = strings("present");
        found.stream().filter(code -> !present.contains(code))
                .forEach(code -> out.add(new Mismatch(fixture, code, "produced by rule " + result.finding(code).orElseThrow().ruleId()
                        + ", not expected")));
        Set<String> expectedSuppressed = strings("suppressed");
        expectedSuppressed.addAll(strings("suppressedFor"));
        suppressed.stream().filter(code -> !expectedSuppressed.contains(code))
                .forEach(code -> out.add(new Mismatch(fixture, code, "suppressed by " + suppressorsOf(result, code) + ", not expected")));
        String urgency = expect.path("highestUrgency").asText();
        if (!urgency.equals(result.highestUrgency().name())) {
            out.add(new Mismatch(fixture, "highestUrgency", "expected " + urgency + ", got " + result.highestUrgency()));
        }
        JsonNode json = resultJson(result);
        for (String field : List.of("dataRequired", "staleLabs")) {
            JsonNode wanted = expect.has(field) ? expect.get(field) : JSON.createArrayNode();
            if (!wanted.equals(json.get(field))) {
                out.add(new Mismatch(fixture, field, "expected " + wanted + ", got " + json.get(field)));
            }
        }
        boolean complete = expect.path("recordComplete").asBoolean(true);
        if (complete != result.recordComplete()) {
            out.add(new Mismatch(fixture, "recordComplete", "expected " + complete + ", got " + result.recordComplete()));
        }
    }

    /** The differences when the fixture's case was rejected by the reader. */
    List<Mismatch> compareRejected(String fixture, List<ValidationError> errors) {
        List<Mismatch> out = new ArrayList<>();
        malformed.forEach(m -> out.add(new Mismatch(fixture, "expect", m)));
        if (!expectsError()) {
            ValidationError first = errors.get(0);
            out.add(new Mismatch(fixture, "error", "the case was rejected: " + first.field() + ": " + first.diagnostic().code()
                    + " " + first.reason()));
            return out;
        }
        String field = expect.path("error").path("field").asText(null);
        String code = expect.path("error").path("code").asText(null);
        boolean matched = errors.stream().anyMatch(e -> (field == null || field.equals(e.field()))
                && (code == null || code.equals(e.diagnostic().code())));
        if (!matched) {
            out.add(new Mismatch(fixture, "error", "expected " + expectedError() + ", got "
                    + errors.stream().map(e -> e.field() + " " + e.diagnostic().code()).toList()));
        }
        return out;
    }

    private String expectedError() {
        JsonNode error = expect.path("error");
        return "error " + error.path("code").asText("(any code)") + " at " + error.path("field").asText("(any field)");
    }

    private static SortedSet<String> suppressorsOf(Assessment result, String code) {
        Map<String, SortedSet<String>> by = new TreeMap<>();
        result.suppressed().forEach(s -> by.put(s.code(), new TreeSet<>(s.suppressedBy())));
        return by.getOrDefault(code, new TreeSet<>());
    }

    private SortedSet<String> strings(String key) {
        SortedSet<String> values = new TreeSet<>();
        expect.path(key).forEach(n -> values.add(n.asText()));
        return values;
    }

    private static JsonNode resultJson(Assessment result) {
        try {
            return JSON.readTree(AssessmentJson.toJson(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
