package org.legcrampcds.fhir;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Procedure;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.Unmapped;

/**
 * Conditions by clinical and verification status (interfaces.md §6): refuted or entered-in-error
 * never count; active, recurrence or relapse do; a DVT or PE counts as PREVIOUS_DVT whatever its
 * status; an ACTIVE_CANCER in remission, inactive or resolved counts while its abatement is within
 * 182 days. Pregnancy conditions and delivery records are collected for the pregnancy mapping.
 */
final class ConditionMapper {

    /** NG158: cancer treatment within 6 months counts as active. */
    private static final int CANCER_ABATEMENT_DAYS = 182;

    private final CodeTables codes;
    private final MappingContext context;
    private final Set<Condition> conditions = EnumSet.noneOf(Condition.class);
    private final List<LocalDate> deliveries = new ArrayList<>();
    private boolean activePregnancy;

    ConditionMapper(CodeTables codes, MappingContext context) {
        this.codes = codes;
        this.context = context;
    }

    void add(org.hl7.fhir.r4.model.Condition resource) {
        String verification = code(resource.getVerificationStatus());
        if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
            context.unmapped(resource, Unmapped.Reason.REFUTED, "verificationStatus " + verification);
            return;
        }
        List<String> targets = codes.conditions(resource.getCode());
        if (targets.isEmpty()) {
            context.unmapped(resource, Unmapped.Reason.NO_MAPPING, "no table entry for " + codings(resource.getCode()));
            return;
        }
        String clinical = code(resource.getClinicalStatus());
        boolean active = "active".equals(clinical) || "recurrence".equals(clinical) || "relapse".equals(clinical);
        boolean used = false;
        for (String target : targets) {
            switch (target) {
                case "PREGNANCY" -> {
                    activePregnancy |= active;
                    used |= active;
                }
                case "DELIVERY" -> {
                    // A delivery is used whatever its clinical status; one without a date reports itself.
                    delivery(resource, MappingContext.utcDate(resource.getOnsetDateTimeType())
                            .or(() -> MappingContext.utcDate(resource.getRecordedDateElement())));
                    used = true;
                }
                default -> {
                    Condition condition = Condition.valueOf(target);
                    if (active || condition == Condition.PREVIOUS_DVT || recentlyAbatedCancer(condition, resource, clinical)) {
                        conditions.add(condition);
                        used = true;
                    }
                }
            }
        }
        if (!used) {
            context.unmapped(resource, Unmapped.Reason.NOT_CURRENT, String.join(", ", targets) + " with clinicalStatus " + clinical);
        }
    }

    /** A Procedure is read only as a delivery, for postpartum weeks. */
    void add(Procedure procedure) {
        if (!codes.conditions(procedure.getCode()).contains("DELIVERY")) {
            context.unmapped(procedure, Unmapped.Reason.NO_MAPPING, "not a delivery: " + codings(procedure.getCode()));
            return;
        }
        if (!"completed".equals(procedure.getStatus() == null ? null : procedure.getStatus().toCode())) {
            context.unmapped(procedure, Unmapped.Reason.NOT_CURRENT, "delivery procedure with status "
                    + (procedure.getStatus() == null ? "(none)" : procedure.getStatus().toCode()));
            return;
        }
        Optional<LocalDate> date = procedure.hasPerformedPeriod()
                ? MappingContext.utcDate(procedure.getPerformedPeriod().getStartElement())
                : procedure.hasPerformedDateTimeType() ? MappingContext.utcDate(procedure.getPerformedDateTimeType()) : Optional.empty();
        delivery(procedure, date);
    }

    /** Records a dated delivery; a delivery without a full date is reported. */
    private void delivery(org.hl7.fhir.r4.model.Resource resource, Optional<LocalDate> date) {
        if (date.isEmpty()) {
            context.unmapped(resource, Unmapped.Reason.UNUSABLE_VALUE, "delivery without a full date");
        } else {
            deliveries.add(date.get());
        }
    }

    private boolean recentlyAbatedCancer(Condition condition, org.hl7.fhir.r4.model.Condition resource, String clinical) {
        if (condition != Condition.ACTIVE_CANCER
                || !("remission".equals(clinical) || "inactive".equals(clinical) || "resolved".equals(clinical))) {
            return false;
        }
        Optional<LocalDate> abated = resource.hasAbatementDateTimeType()
                ? MappingContext.utcDate(resource.getAbatementDateTimeType())
                : resource.hasAbatementPeriod() ? MappingContext.utcDate(resource.getAbatementPeriod().getEndElement())
                : Optional.empty();
        return abated.filter(date -> ChronoUnit.DAYS.between(date, context.asOf()) <= CANCER_ABATEMENT_DAYS).isPresent();
    }

    Set<Condition> conditions() {
        return conditions;
    }

    boolean activePregnancy() {
        return activePregnancy;
    }

    /** The most recent delivery date, if any. */
    Optional<LocalDate> lastDelivery() {
        return deliveries.stream().max(LocalDate::compareTo);
    }

    static String code(CodeableConcept concept) {
        return concept == null || concept.getCoding().isEmpty() ? null : concept.getCodingFirstRep().getCode();
    }

    static String codings(CodeableConcept concept) {
        List<String> all = new ArrayList<>();
        concept.getCoding().forEach(c -> all.add(c.getSystem() + "|" + c.getCode()));
        return all.isEmpty() ? "(no coding)" : String.join(", ", all);
    }
}
