package org.legcrampcds.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Resource;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.GenericDrugNames;
import org.legcrampcds.model.Medication;
import org.legcrampcds.model.Unmapped;

/**
 * Current medicines (interfaces.md §6): an active MedicationStatement, an active MedicationRequest
 * with intent order, plan or original-order, and, for order-sign, draft orders. Class by RxNorm
 * ingredient, then ATC prefix, then the catalogue's generic-name table on the text, then on each
 * coding's display; a medicine that maps to nothing is OTHER with its name, so that name-based rules
 * still apply. Where a code's class and the name table disagree, the code wins and the disagreement
 * is reported.
 */
final class MedicationMapper {

    private static final Set<String> CURRENT_INTENTS = Set.of("order", "plan", "original-order");

    private final CodeTables codes;
    private final MappingContext context;
    private final List<Medication> medications = new ArrayList<>();

    MedicationMapper(CodeTables codes, MappingContext context) {
        this.codes = codes;
        this.context = context;
    }

    void add(MedicationStatement statement) {
        String status = statement.getStatus() == null ? null : statement.getStatus().toCode();
        if (!"active".equals(status)) {
            context.unmapped(statement, Unmapped.Reason.NOT_CURRENT, "MedicationStatement with status " + status);
            return;
        }
        BaseDateTimeType started = statement.hasEffectivePeriod() ? statement.getEffectivePeriod().getStartElement()
                : statement.hasEffectiveDateTimeType() ? statement.getEffectiveDateTimeType() : null;
        add(statement, concept(statement.hasMedicationCodeableConcept() ? statement.getMedicationCodeableConcept() : null),
                started);
    }

    void add(MedicationRequest request) {
        String status = request.getStatus() == null ? null : request.getStatus().toCode();
        String intent = request.getIntent() == null ? null : request.getIntent().toCode();
        if (!"active".equals(status) || intent == null || !CURRENT_INTENTS.contains(intent)) {
            context.unmapped(request, Unmapped.Reason.NOT_CURRENT, "MedicationRequest with status " + status + ", intent " + intent);
            return;
        }
        add(request, concept(request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null),
                request.getAuthoredOnElement());
    }

    /** A draft order of order-sign: started 0 days ago (interfaces.md §7). */
    Medication draft(MedicationRequest request) {
        Medication medication = classify(request, concept(request.hasMedicationCodeableConcept()
                ? request.getMedicationCodeableConcept() : null), 0);
        medications.add(medication);
        return medication;
    }

    List<Medication> medications() {
        return List.copyOf(medications);
    }

    private void add(Resource resource, CodeableConcept medicine, BaseDateTimeType started) {
        if (medicine.isEmpty()) {
            context.unmapped(resource, Unmapped.Reason.UNUSABLE_VALUE, "no medicationCodeableConcept (a Medication reference is not read)");
            return;
        }
        // A start in the future is no day count of a current medicine: unknown.
        Integer startedDaysAgo = context.daysSince(started).filter(days -> days >= 0 && days <= 36500)
                .map(Long::intValue).orElse(null);
        medications.add(classify(resource, medicine, startedDaysAgo));
    }

    private Medication classify(Resource resource, CodeableConcept medicine, Integer startedDaysAgo) {
        Optional<CodeTables.Medicine> rxnorm = codes.rxnorm(medicine);
        Optional<DrugClass> byCode = rxnorm.map(CodeTables.Medicine::drugClass).or(() -> codes.atc(medicine));
        Optional<String> tableName = tableName(medicine);
        if (byCode.isPresent()) {
            DrugClass drugClass = byCode.get();
            String name = rxnorm.map(CodeTables.Medicine::name)
                    .or(() -> codes.atcSubstance(medicine).map(d -> d.trim().toLowerCase(Locale.ROOT))
                            .filter(d -> GenericDrugNames.requiredClass(d).filter(drugClass::equals).isPresent()))
                    .orElse(null);
            if (tableName.isPresent() && GenericDrugNames.requiredClass(tableName.get()).orElseThrow() != drugClass) {
                context.unmapped(resource, Unmapped.Reason.CLASS_CONFLICT, "coded as " + drugClass + " but named '"
                        + tableName.get() + "' (" + GenericDrugNames.requiredClass(tableName.get()).get() + "); the code was used");
            } else if (name == null) {
                name = tableName.orElse(null);
            }
            return new Medication(name != null ? name : consistentName(medicine, drugClass), drugClass, startedDaysAgo);
        }
        if (tableName.isPresent()) {
            return new Medication(tableName.get(), GenericDrugNames.requiredClass(tableName.get()).orElseThrow(), startedDaysAgo);
        }
        return new Medication(displayName(medicine), DrugClass.OTHER, startedDaysAgo);
    }

    /** The generic-name table's name for the text, else for a coding's display. */
    private static Optional<String> tableName(CodeableConcept medicine) {
        List<String> candidates = new ArrayList<>();
        if (medicine.hasText()) {
            candidates.add(medicine.getText());
        }
        medicine.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null).forEach(candidates::add);
        for (String candidate : candidates) {
            String name = candidate.trim().toLowerCase(Locale.ROOT);
            if (GenericDrugNames.requiredClass(name).isPresent()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** A name for a coded medicine that the generic-name table cannot contradict. */
    private static String consistentName(CodeableConcept medicine, DrugClass drugClass) {
        String name = displayName(medicine);
        Optional<DrugClass> listed = GenericDrugNames.requiredClass(name);
        if (listed.isPresent() && listed.get() != drugClass) {
            Coding first = medicine.getCodingFirstRep();
            return first.getSystem() + "|" + first.getCode();
        }
        return name;
    }

    /** The text, else the first display, else the first code. */
    private static String displayName(CodeableConcept medicine) {
        if (medicine.hasText() && !medicine.getText().isBlank()) {
            return medicine.getText().trim();
        }
        for (Coding coding : medicine.getCoding()) {
            if (coding.getDisplay() != null && !coding.getDisplay().isBlank()) {
                return coding.getDisplay().trim();
            }
        }
        Coding first = medicine.getCodingFirstRep();
        return first.getSystem() + "|" + first.getCode();
    }

    private static CodeableConcept concept(CodeableConcept concept) {
        return concept == null ? new CodeableConcept() : concept;
    }
}
