package org.legcrampcds.fhir;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.legcrampcds.model.Patient;
import org.legcrampcds.model.Sex;
import org.legcrampcds.model.Unmapped;

/**
 * Pregnancy and postpartum status (interfaces.md §6). Pregnant when an active pregnancy Condition
 * or the latest pregnancy-status observation says so; the gestational age, if recorded, is advanced
 * by the whole weeks since it was taken, and a pregnancy beyond 42 weeks is not taken as current.
 * Postpartum weeks come from a delivery within 52 weeks. With no record at all, a woman (or a
 * patient of sex other or unknown) aged 18 to 55 has pregnancy status not recorded: never assumed
 * not pregnant.
 */
final class PregnancyMapper {

    private static final int MAX_GESTATION_WEEKS = 42;
    private static final int MAX_POSTPARTUM_WEEKS = 52;

    /** The patient, and whether the pregnancy pair is not recorded. */
    record Result(Patient patient, boolean notRecorded) {
    }

    private PregnancyMapper() {
    }

    static Result map(int ageYears, Sex sex, ConditionMapper conditions, LabMapper labs, CodeTables codes, MappingContext context) {
        Optional<LabMapper.Dated> status = labs.latest("PREGNANCY_STATUS");
        Optional<String> answer = status.flatMap(s -> s.observation().hasValueCodeableConcept()
                ? codes.answer(s.observation().getValueCodeableConcept()) : Optional.empty());
        if (status.isPresent() && answer.isEmpty()) {
            context.unmapped(status.get().observation(), Unmapped.Reason.UNUSABLE_VALUE, "pregnancy status answer not in the table");
        }
        Optional<LabMapper.Dated> gestation = labs.latest("GESTATIONAL_AGE");
        Optional<Integer> postpartum = conditions.lastDelivery()
                .map(date -> ChronoUnit.DAYS.between(date, context.asOf()))
                .filter(days -> days >= 0 && days / 7 <= MAX_POSTPARTUM_WEEKS)
                .map(days -> (int) (days / 7));

        boolean pregnant = conditions.activePregnancy() || answer.filter("PREGNANT"::equals).isPresent();
        if (pregnant) {
            Optional<Integer> weeks = gestation.flatMap(PregnancyMapper::advancedWeeks);
            if (weeks.isPresent() && weeks.get() > MAX_GESTATION_WEEKS) {
                context.unmapped(gestation.get().observation(), Unmapped.Reason.NOT_CURRENT,
                        "advanced gestational age over 42 weeks: the pregnancy is not taken as current");
            } else if (weeks.isPresent() && weeks.get() >= 1) {
                return new Result(new Patient(ageYears, sex, weeks.get(), null, null), false);
            } else {
                gestation.ifPresent(g -> context.unmapped(g.observation(), Unmapped.Reason.UNUSABLE_VALUE,
                        "gestational age not in weeks or days"));
                return new Result(new Patient(ageYears, sex, null, null, true), false);
            }
        } else {
            gestation.ifPresent(g -> context.unmapped(g.observation(), Unmapped.Reason.NOT_CURRENT,
                    "gestational age without a current pregnancy"));
        }
        boolean knownNotPregnant = answer.filter("NOT_PREGNANT"::equals).isPresent();
        if (postpartum.isPresent() || knownNotPregnant) {
            return new Result(new Patient(ageYears, sex, null, postpartum.orElse(null), null), false);
        }
        boolean couldBePregnant = sex != Sex.MALE && ageYears >= 18 && ageYears <= 55;
        return new Result(new Patient(ageYears, sex, null, null, null), couldBePregnant);
    }

    /** The whole weeks recorded (in weeks or days) plus the whole weeks since the observation. */
    private static Optional<Integer> advancedWeeks(LabMapper.Dated gestation) {
        Observation o = gestation.observation();
        if (!o.hasValueQuantity() || !o.getValueQuantity().hasValue() || o.getValueQuantity().hasComparator()) {
            return Optional.empty();
        }
        Quantity q = o.getValueQuantity();
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        long recordedWeeks;
        if ("wk".equals(unit)) {
            recordedWeeks = q.getValue().longValue();
        } else if ("d".equals(unit)) {
            recordedWeeks = q.getValue().longValue() / 7;
        } else {
            return Optional.empty();
        }
        return Optional.of((int) (recordedWeeks + gestation.days() / 7));
    }

}
