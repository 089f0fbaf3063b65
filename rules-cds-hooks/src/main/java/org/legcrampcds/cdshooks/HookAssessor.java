package org.legcrampcds.cdshooks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.MedicationRequest;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.fhir.FhirCaseMapper;
import org.legcrampcds.fhir.FhirCaseMapper.LocatedResource;
import org.legcrampcds.fhir.FhirDiagnostic;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.ValidationError;

/**
 * Maps the patient's resources to a case and assesses it on one rule base (interfaces.md §7). For
 * patient-view every finding is shown. For order-sign the case is assessed without and with the draft
 * orders, and only what the drafts introduce is shown, each introduced finding with the drafts that
 * introduce it on their own.
 */
final class HookAssessor {

    private final FhirCaseMapper mapper;
    private final Clock clock;

    HookAssessor(FhirCaseMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * What a hook call shows.
     *
     * @param assessment    the assessment of the record as the hook sees it (with drafts for order-sign)
     * @param shown         the findings to turn into cards
     * @param questions     the questions worth asking that the cards list
     * @param showStaleLabs whether the stale labs are part of the answer (patient-view)
     * @param introducedBy  for order-sign, finding code → the draft orders ({@code MedicationRequest/id})
     *                      that introduce it on their own; empty for patient-view
     */
    record Result(Assessment assessment, List<Finding> shown, List<DataRequired> questions, boolean showStaleLabs,
                  Map<String, List<String>> introducedBy) {
    }

    Result assess(CrampAssessor assessor, HookRequest request, List<LocatedResource> resources) {
        LocalDate asOf = LocalDate.now(clock);
        if (!request.service().judgesDraftOrders()) {
            Assessment assessment = assessor.assess(map(resources, List.of(), asOf));
            return new Result(assessment, assessment.findings(), assessment.dataRequired(), true, Map.of());
        }
        Assessment before = assessor.assess(map(resources, List.of(), asOf));
        Assessment after = assessor.assess(map(resources, request.draftOrders(), asOf));
        Set<String> had = Set.copyOf(before.codes());
        List<Finding> introduced = after.findings().stream().filter(f -> !had.contains(f.code())).toList();
        Set<String> asked = before.dataRequired().stream().map(DataRequired::input).collect(Collectors.toSet());
        List<DataRequired> newQuestions = after.dataRequired().stream().filter(q -> !asked.contains(q.input())).toList();
        return new Result(after, introduced, newQuestions, false,
                attribute(assessor, resources, request.draftOrders(), introduced, had, asOf));
    }

    /** Which draft introduces which finding: with one draft, it does them all; with several, each is tried alone. */
    private Map<String, List<String>> attribute(CrampAssessor assessor, List<LocatedResource> resources,
                                                List<MedicationRequest> drafts, List<Finding> introduced, Set<String> had,
                                                LocalDate asOf) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        if (introduced.isEmpty()) {
            return by;
        }
        if (drafts.size() == 1) {
            introduced.forEach(f -> by.put(f.code(), List.of(reference(drafts.get(0)))));
            return by;
        }
        for (MedicationRequest draft : drafts) {
            Assessment alone = assessor.assess(map(resources, List.of(draft), asOf));
            for (String code : alone.codes()) {
                if (!had.contains(code)) {
                    by.computeIfAbsent(code, c -> new ArrayList<>()).add(reference(draft));
                }
            }
        }
        // What only the drafts together introduce (quinine with a new anticoagulant) belongs to all of them.
        List<String> all = drafts.stream().map(HookAssessor::reference).toList();
        introduced.forEach(f -> by.putIfAbsent(f.code(), all));
        return by;
    }

    static String reference(MedicationRequest draft) {
        return "MedicationRequest/" + draft.getIdElement().getIdPart();
    }

    private org.legcrampcds.model.PatientCase map(List<LocatedResource> resources, List<MedicationRequest> drafts,
                                                  LocalDate asOf) {
        ReadResult read = mapper.read(resources, drafts, asOf, null, "prefetch");
        if (read instanceof ReadResult.Accepted accepted) {
            return accepted.patientCase();
        }
        if (read.errors().stream().anyMatch(err -> err.diagnostic() == FhirDiagnostic.NO_PATIENT)) {
            throw new HookException(412, CdsHooksDiagnostic.NO_PATIENT_DATA, "prefetch.patient",
                    "no Patient could be had: the record cannot be assessed without one");
        }
        List<HookException.Issue> issues = new ArrayList<>();
        for (ValidationError error : read.errors()) {
            issues.add(new HookException.Issue(error.field(), error.code(), error.reason()));
        }
        throw new HookException(400, issues);
    }
}
