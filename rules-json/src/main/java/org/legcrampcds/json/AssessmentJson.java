package org.legcrampcds.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.StaleLab;
import org.legcrampcds.model.Suppression;
import org.legcrampcds.model.ValidationError;

/**
 * Writes results as the JSON of interfaces.md §3: one line per case, keys in the documented order,
 * exact decimals written as plain JSON numbers (never an exponent, never through {@code double}).
 * Thread-safe.
 */
public final class AssessmentJson {

    private static final JsonFactory JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build().getFactory();

    private AssessmentJson() {
    }

    /**
     * One line of JSON, without a line break: {@code caseId}, {@code rulesetVersion},
     * {@code highestUrgency}, {@code findings}, {@code suppressed}, {@code firedRules},
     * {@code recordComplete}, {@code dataRequired} and {@code staleLabs} (always present). In a finding,
     * an evidence {@code unit} is left out when there is none, and {@code suppresses} and
     * {@code modifiedBy} when empty.
     */
    public static String toJson(Assessment assessment) {
        return toJson(assessment, Map.of());
    }

    /**
     * The result line with more fields after the contract's, in the map's order: for example
     * {@code asOf}, {@code unmapped} and {@code notRecorded} of a case read from FHIR (interfaces.md
     * §6). Values are strings, numbers, booleans, lists and maps of those.
     */
    public static String toJson(Assessment assessment, Map<String, ?> extraFields) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("caseId", assessment.caseId());
            g.writeStringField("rulesetVersion", assessment.rulesetVersion());
            g.writeStringField("highestUrgency", assessment.highestUrgency().name());
            g.writeArrayFieldStart("findings");
            for (Finding finding : assessment.findings()) {
                writeFinding(g, finding);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("suppressed");
            for (Suppression suppression : assessment.suppressed()) {
                g.writeStartObject();
                g.writeStringField("code", suppression.code());
                writeStrings(g, "suppressedBy", suppression.suppressedBy());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeStrings(g, "firedRules", assessment.firedRules());
            g.writeBooleanField("recordComplete", assessment.recordComplete());
            g.writeArrayFieldStart("dataRequired");
            for (DataRequired question : assessment.dataRequired()) {
                g.writeStartObject();
                g.writeStringField("input", question.input());
                writeStrings(g, "for", question.forCodes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("staleLabs");
            for (StaleLab stale : assessment.staleLabs()) {
                g.writeStartObject();
                g.writeStringField("test", stale.test().name());
                g.writeNumberField("daysSinceTaken", stale.daysSinceTaken());
                g.writeNumberField("maxDays", stale.maxDays());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeExtra(g, extraFields);
            g.writeEndObject();
        });
    }

    private static void writeExtra(JsonGenerator g, Map<String, ?> extraFields) throws IOException {
        for (Map.Entry<String, ?> field : extraFields.entrySet()) {
            g.writeFieldName(field.getKey());
            g.writeObject(field.getValue());
        }
    }

    /**
     * The line printed for a rejected case (interfaces.md §3):
     * {@code {"caseId":"...","error":{"field":"labs[0].unit","code":"LCC-V007","reason":"..."},"errors":[...]}},
     * {@code error} the first error and {@code errors} all of them, in the order found.
     *
     * @param caseId the case id, or {@code null} when it has none
     * @param errors every error found, never empty
     */
    public static String errorJson(String caseId, List<ValidationError> errors) {
        return errorJson(caseId, errors, Map.of());
    }

    /**
     * The error line with more fields after {@code errors}, in the map's order: for example the
     * {@code patientId} of a population-screening line. Values as for {@link #toJson(Assessment, Map)}.
     */
    public static String errorJson(String caseId, List<ValidationError> errors, Map<String, ?> extraFields) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejected case has at least one error");
        }
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("caseId", caseId);
            g.writeFieldName("error");
            writeError(g, errors.get(0));
            g.writeArrayFieldStart("errors");
            for (ValidationError error : errors) {
                writeError(g, error);
            }
            g.writeEndArray();
            writeExtra(g, extraFields);
            g.writeEndObject();
        });
    }

    private static void writeError(JsonGenerator g, ValidationError error) throws IOException {
        g.writeStartObject();
        g.writeStringField("field", error.field());
        g.writeStringField("code", error.code());
        g.writeStringField("reason", error.reason());
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, Finding finding) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", finding.code());
        g.writeStringField("category", finding.category().name());
        g.writeStringField("urgency", finding.urgency().name());
        g.writeStringField("title", finding.title());
        g.writeStringField("action", finding.action());
        g.writeArrayFieldStart("evidence");
        for (Evidence evidence : finding.evidence()) {
            writeEvidence(g, evidence);
        }
        g.writeEndArray();
        writeStrings(g, "sources", finding.sources());
        g.writeStringField("ruleId", finding.ruleId());
        if (!finding.suppresses().isEmpty()) {
            writeStrings(g, "suppresses", finding.suppresses());
        }
        if (!finding.modifiedBy().isEmpty()) {
            writeStrings(g, "modifiedBy", finding.modifiedBy());
        }
        g.writeEndObject();
    }

    private static void writeEvidence(JsonGenerator g, Evidence evidence) throws IOException {
        g.writeStartObject();
        g.writeStringField("fact", evidence.fact());
        g.writeFieldName("value");
        Object value = evidence.value();
        if (value instanceof BigDecimal number) {
            g.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            g.writeBoolean(flag);
        } else {
            g.writeString((String) value);
        }
        if (evidence.unit() != null) {
            g.writeStringField("unit", evidence.unit());
        }
        g.writeStringField("criterion", evidence.criterion());
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static String write(Body body) {
        // Jackson's own string writer, as ObjectMapper.writeValueAsString uses it: it fills segments
        // from the factory's recycled buffers instead of growing (and copying) one StringBuffer.
        BufferRecycler buffers = JSON._getBufferRecycler();
        try (SegmentedStringWriter out = new SegmentedStringWriter(buffers)) {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                body.writeTo(g);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        } finally {
            buffers.releaseToPool();
        }
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(JsonGenerator g) throws IOException;
    }
}
