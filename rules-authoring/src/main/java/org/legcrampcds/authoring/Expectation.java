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
 * A fixture's {@code expect} block: what the result of its case must be (interfaces.md §2, version
 * 2.3). Each key is checked as written, and a key left out is not checked:
 * <ul>
 *   <li>{@code present}: each code is among the findings; {@code absent} (and {@code nearMissFor}, the
 *       codes the case exists to prove silent): none is;</li>
 *   <li>{@code suppressed} (and {@code suppressedFor}): each code is withheld; {@code suppressedBy}
 *       maps a code to exactly the interlocks that withhold it;</li>
 *   <li>{@code highestUrgency}, {@code dataRequired}, {@code staleLabs} and {@code recordComplete}
 *       equal the result's;</li>
 *   <li>{@code "exact": true} makes {@code present} and {@code suppressed} the exact sets: a finding or a
 *       withheld code not listed is a difference. Such a block must not give {@code absent}
 *       ({@link FixtureDiagnostic#ABSENT_WITH_EXACT}): every code not listed is absent already.</li>
 * </ul>
 * An invalid-input fixture says {@code error: {field, code}}: the case must be rejected with that
 * error. {@code nearMissForPath} documents a rule path the case proves does not happen, compared
 * through the exact result. Any other key, or a key of the wrong type, is a mistake in the fixture
 * ({@link FixtureDiagnostic#MALFORMED_EXPECT}) and is reported, never ignored.
 */
public final class Expectation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("present", "absent", "suppressed", "suppressedBy", "highestUrgency",
            "dataRequired", "staleLabs", "recordComplete", "nearMissFor", "suppressedFor", "nearMissForPath", "error", "exact");

    private final JsonNode expect;
    private final List<String> malformed = new ArrayList<>();

    private Expectation(JsonNode expect) {
        this.expect = expect;
        if (!expect.isObject()) {
            malformed.add(FixtureDiagnostic.MALFORMED_EXPECT.code() + " expect must be an object");
            return;
        }
        expect.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                malformed.add(FixtureDiagnostic.MALFORMED_EXPECT.code() + " unknown key '" + key + "' in expect (known: "
                        + new TreeSet<>(KEYS) + ")");
            }
        });
        if (expect.has("exact") && !expect.get("exact").isBoolean()) {
            malformed.add(FixtureDiagnostic.MALFORMED_EXPECT.code() + " exact must be true or false, not " + expect.get("exact"));
        }
        if (isExact() && expect.has("absent")) {
            malformed.add(FixtureDiagnostic.ABSENT_WITH_EXACT.code() + " absent cannot be given with \"exact\": true, which "
                    + "already makes every code not in present absent: drop absent, or drop exact");
        }
    }

    static Expectation of(JsonNode expect) {
        return new Expectation(expect);
    }

    /** Whether the block asks for exact sets ({@code "exact": true}): {@code present} and {@code suppressed} are then the whole result. */
    public boolean isExact() {
        return expect.path("exact").asBoolean(false) && expect.path("exact").isBoolean();
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
        if (isExact()) {
            Set<String> present = strings("present");
            found.stream().filter(code -> !present.contains(code))
                    .forEach(code -> out.add(new Mismatch(fixture, code, "produced by rule " + result.finding(code).orElseThrow().ruleId()
                            + ", not expected")));
            suppressed.stream().filter(code -> !expectedSuppressed.contains(code))
                    .forEach(code -> out.add(new Mismatch(fixture, code, "suppressed by " + suppressorsOf(result, code) + ", not expected")));
        }
        compareGivenFields(fixture, result, out);
        return out;
    }

    /** The result fields a block may state: each compared only when given. */
    private void compareGivenFields(String fixture, Assessment result, List<Mismatch> out) {
        if (expect.has("highestUrgency")) {
            String urgency = expect.path("highestUrgency").asText();
            if (!urgency.equals(result.highestUrgency().name())) {
                out.add(new Mismatch(fixture, "highestUrgency", "expected " + urgency + ", got " + result.highestUrgency()));
            }
        }
        if (expect.has("dataRequired") || expect.has("staleLabs")) {
            JsonNode json = resultJson(result);
            for (String field : List.of("dataRequired", "staleLabs")) {
                if (expect.has(field) && !expect.get(field).equals(json.get(field))) {
                    out.add(new Mismatch(fixture, field, "expected " + expect.get(field) + ", got " + json.get(field)));
                }
            }
        }
        if (expect.has("recordComplete")) {
            boolean complete = expect.path("recordComplete").asBoolean();
            if (complete != result.recordComplete()) {
                out.add(new Mismatch(fixture, "recordComplete", "expected " + complete + ", got " + result.recordComplete()));
            }
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
