package org.legcrampcds.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.api.java.function.Function;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.fhir.FhirCaseMapper;
import org.legcrampcds.json.AssessmentJson;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.Unmapped;
import org.legcrampcds.model.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scala.Tuple2;

/**
 * One group of the shuffle: a patient's resources become the Bundle the command line would read,
 * mapped at the as-of date and assessed with the JVM's assessor; the result line is the command
 * line's JSON plus {@code patientId}, a rejected patient an error line whose fields name the
 * export's {@code file:line}. A file's tally passes through; resources whose Patient is not in
 * the export are counted.
 */
final class PatientScreening implements Function<Tuple2<String, Iterable<ExportItem>>, Outcome> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(PatientScreening.class);

    /** One mapper per JVM: it holds the FHIR context and the code tables, both costly and thread-safe. */
    private static final FhirCaseMapper MAPPER = FhirCaseMapper.create();

    /** A Bundle entry as the mapping names it in errors. */
    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.resource");

    /** The order of a patient's resources in the Bundle: by type as interfaces.md §6 lists them, then file and line. */
    static final List<String> TYPE_ORDER = List.of("Patient", "Condition", "Observation", "MedicationStatement",
            "MedicationRequest", "QuestionnaireResponse", "Procedure");

    static final Comparator<ExportItem> BUNDLE_ORDER = Comparator
            .comparingInt((ExportItem item) -> TYPE_ORDER.indexOf(item.resourceType()))
            .thenComparing(ExportItem::file)
            .thenComparingLong(ExportItem::line);

    private final LocalDate asOf;
    private final RuleSpec rules;

    PatientScreening(LocalDate asOf, RuleSpec rules) {
        this.asOf = asOf;
        this.rules = rules;
    }

    @Override
    public Outcome call(Tuple2<String, Iterable<ExportItem>> group) {
        String key = group._1();
        Tally tally = new Tally();
        if (ExportFileReader.isTallyKey(key)) {
            group._2().forEach(item -> tally.merge(item.fileTally()));
            return new Outcome(null, tally);
        }
        List<ExportItem> items = new ArrayList<>();
        group._2().forEach(items::add);
        items.sort(BUNDLE_ORDER);
        if (items.stream().noneMatch(item -> "Patient".equals(item.resourceType()))) {
            tally.missingPatients = 1;
            tally.missingPatientIds.add(key);
            items.forEach(item -> Tally.add(tally.missingPatientResourcesByType, item.resourceType(), 1));
            return new Outcome(null, tally);
        }
        tally.patientsRead = 1;
        items.forEach(item -> Tally.add(tally.resourcesRead, item.resourceType(), 1));
        return screen(key, items, tally);
    }

    private Outcome screen(String patientId, List<ExportItem> items, Tally tally) {
        Map<String, Object> extra = new LinkedHashMap<>();
        ReadResult read = MAPPER.read(bundleOf(items), asOf, patientId, "patient " + patientId);
        if (!(read instanceof ReadResult.Accepted mapping) || mapping.mapping() == null) {
            List<ValidationError> located = read.errors().stream().map(error -> locate(error, items)).toList();
            return rejected(patientId, located, items, tally);
        }
        CrampAssessor assessor = AssessorHolder.get(rules);
        Assessment assessment;
        try {
            assessment = assessor.assess(mapping.patientCase());
        } catch (RuntimeException e) {
            // A defect, not bad input: the patient still gets its line, and the cause goes to the log without patient data.
            LOG.warn("a patient could not be assessed: {}", e.getClass().getName());
            return rejected(patientId, List.of(new ValidationError("Patient", ScreeningDiagnostic.NOT_ASSESSED,
                    "the engine failed on this patient's case (" + e.getClass().getSimpleName() + "); please report it")), items, tally);
        }
        extra.putAll(mapping.resultFields());
        extra.put("patientId", patientId);
        tally.assessed = 1;
        tally.rulesetVersions.add(assessment.rulesetVersion());
        Tally.add(tally.highestUrgency, assessment.highestUrgency().name(), 1);
        assessment.findings().stream().map(Finding::code).distinct().forEach(code -> Tally.add(tally.findings, code, 1));
        Set<String> unmappedResources = new HashSet<>();
        for (Unmapped u : mapping.mapping().unmapped()) {
            // A class conflict is a note on a resource that was used.
            if (u.reason() != Unmapped.Reason.CLASS_CONFLICT && unmappedResources.add(u.resource())) {
                Tally.add(tally.resourcesUnmapped, typeOf(u.resource()), 1);
            }
            Tally.add(tally.unmappedByReason, u.reason().code(), 1);
        }
        return new Outcome(AssessmentJson.toJson(assessment, extra), tally);
    }

    private static Outcome rejected(String patientId, List<ValidationError> errors, List<ExportItem> items, Tally tally) {
        LOG.debug("patient {} rejected: {}", patientId, errors.get(0));
        tally.rejected = 1;
        Tally.add(tally.rejectedByCode, errors.get(0).code(), 1);
        items.forEach(item -> Tally.add(tally.resourcesOfRejected, item.resourceType(), 1));
        return new Outcome(AssessmentJson.errorJson(patientId, errors, Map.of("patientId", patientId)), tally);
    }

    /** The patient's resources as one Bundle, entries in {@link #BUNDLE_ORDER}: exactly what the command line reads. */
    static String bundleOf(List<ExportItem> items) {
        StringBuilder bundle = new StringBuilder(items.stream().mapToInt(i -> i.json().length() + 16).sum() + 64);
        bundle.append("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < items.size(); i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"resource\":").append(items.get(i).json()).append('}');
        }
        return bundle.append("]}").toString();
    }

    /** {@code Bundle.entry[3].resource.effectiveDateTime} becomes {@code Observation.000.ndjson:17:Observation.effectiveDateTime}. */
    private static ValidationError locate(ValidationError error, List<ExportItem> items) {
        Matcher m = ENTRY.matcher(error.field());
        if (!m.find()) {
            return error;
        }
        int entry = Integer.parseInt(m.group(1));
        if (entry >= items.size()) {
            return error;
        }
        ExportItem item = items.get(entry);
        String field = item.location() + ":" + item.resourceType() + error.field().substring(m.end());
        return new ValidationError(field, error.diagnostic(), error.reason());
    }

    private static String typeOf(String resource) {
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }
}
