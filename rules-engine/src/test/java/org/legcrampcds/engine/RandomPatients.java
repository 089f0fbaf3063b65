package org.legcrampcds.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.legcrampcds.model.CaseField;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.CrampSite;
import org.legcrampcds.model.Cramps;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.History;
import org.legcrampcds.model.LabResult;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Medication;
import org.legcrampcds.model.Patient;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Sex;
import org.legcrampcds.model.Side;
import org.legcrampcds.model.Symptom;

/**
 * Random valid patients for property tests, biased towards the catalogue's thresholds so that
 * red flags, interlocks and their combinations occur often.
 */
public final class RandomPatients {

    private static final List<Medication> MEDICINES = List.of(
            new Medication("furosemide", DrugClass.LOOP_DIURETIC, null),
            new Medication("indapamide", DrugClass.THIAZIDE_DIURETIC, null),
            new Medication("spironolactone", DrugClass.POTASSIUM_SPARING_DIURETIC, null),
            new Medication("atorvastatin", DrugClass.STATIN, null),
            new Medication("salbutamol", DrugClass.BETA2_AGONIST, null),
            new Medication("amlodipine", DrugClass.CALCIUM_CHANNEL_BLOCKER, null),
            new Medication("diltiazem", DrugClass.CALCIUM_CHANNEL_BLOCKER, null),
            new Medication("ramipril", DrugClass.ACE_INHIBITOR, null),
            new Medication("losartan", DrugClass.ANGIOTENSIN_RECEPTOR_BLOCKER, null),
            new Medication("desogestrel", DrugClass.ORAL_CONTRACEPTIVE, null),
            new Medication("estradiol", DrugClass.ESTROGEN_HRT, null),
            new Medication("raloxifene", DrugClass.RALOXIFENE, null),
            new Medication("lithium carbonate", DrugClass.LITHIUM, null),
            new Medication("quinine sulfate", DrugClass.QUININE, null),
            new Medication("magnesium oxide", DrugClass.MAGNESIUM_SUPPLEMENT, null),
            new Medication("potassium chloride", DrugClass.POTASSIUM_SUPPLEMENT, null),
            new Medication("warfarin", DrugClass.ANTICOAGULANT, null),
            new Medication("naproxen", DrugClass.OTHER, null),
            new Medication("omeprazole", DrugClass.OTHER, null));

    private RandomPatients() {
    }

    /** Complete and partial records (catalogue §11), with current and aged labs (§12), half and half. */
    public static Arbitrary<PatientCase> patients() {
        Arbitrary<Parts> parts = Combinators.combine(patient(), cramps(), history(), symptoms(), conditions(), medications(),
                labs()).as(Parts::new);
        return Combinators.combine(parts, notRecorded()).as(RandomPatients::build);
    }

    private record Parts(Patient patient, Cramps cramps, History history, Set<Symptom> symptoms, Set<Condition> conditions,
                         List<Medication> medications, List<LabResult> labs) {
    }

    /** Builds the case, leaving out every field and symptom the entries list as not recorded. */
    private static PatientCase build(Parts p, List<String> entries) {
        Set<String> listed = new java.util.HashSet<>(entries);
        PatientCase.Builder b = PatientCase.builder().id("random").conditions(p.conditions());
        Patient patient = p.patient();
        if (listed.contains(CaseField.PREGNANCY_WEEKS.path())) {
            patient = new Patient(patient.ageYears(), patient.sex(), null, null, null);
        }
        b.patient(patient).cramps(without(p.cramps(), listed)).history(without(p.history(), listed));
        p.symptoms().stream().filter(s -> !listed.contains("symptoms." + s.name())).forEach(b::symptom);
        p.medications().forEach(b::medication);
        p.labs().forEach(b::lab);
        entries.forEach(b::notRecorded);
        return b.build();
    }

    private static Arbitrary<List<String>> notRecorded() {
        List<String> fields = new java.util.ArrayList<>();
        for (CaseField field : CaseField.values()) {
            if (field != CaseField.POSTPARTUM_WEEKS) {
                fields.add(field.path());
            }
        }
        fields.addAll(List.of("cramps.*", "history.*", "symptoms.*"));
        Arbitrary<String> entry = Arbitraries.oneOf(Arbitraries.of(fields),
                Arbitraries.of(Symptom.class).map(s -> "symptoms." + s.name()));
        Arbitrary<List<String>> some = entry.list().ofMinSize(1).ofMaxSize(5).map(list -> {
            List<String> withPair = new java.util.ArrayList<>(list);
            if (withPair.contains(CaseField.PREGNANCY_WEEKS.path())) {
                withPair.add(CaseField.POSTPARTUM_WEEKS.path());
            }
            return List.copyOf(withPair);
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of())), net.jqwik.api.Tuple.of(1, some));
    }

    private static boolean listed(Set<String> entries, CaseField field) {
        return entries.contains(field.path()) || entries.contains(field.group() + ".*");
    }

    private static <T> T unless(Set<String> entries, CaseField field, T value) {
        return listed(entries, field) ? null : value;
    }

    private static Cramps without(Cramps c, Set<String> entries) {
        return new Cramps(unless(entries, CaseField.NIGHTS_PER_WEEK, c.nightsPerWeek()),
                unless(entries, CaseField.DURATION_MINUTES, c.durationMinutes()), unless(entries, CaseField.SITES, c.sites()),
                unless(entries, CaseField.SIDE, c.side()), unless(entries, CaseField.WEEKS_SINCE_ONSET, c.weeksSinceOnset()));
    }

    private static History without(History h, Set<String> entries) {
        return new History(unless(entries, CaseField.LONG_TRAVEL_HOURS, h.longTravelHoursLast14Days()),
                unless(entries, CaseField.IMMOBILISED, h.immobilisedLast28Days()),
                unless(entries, CaseField.MAJOR_SURGERY, h.majorSurgeryLast84Days()),
                unless(entries, CaseField.STRENUOUS_EXERCISE, h.strenuousExerciseLast48Hours()),
                unless(entries, CaseField.SITTING_OR_STANDING_HOURS, h.sittingOrStandingHoursPerDay()),
                unless(entries, CaseField.FLUID_INTAKE, h.fluidIntakeLitresPerDay()),
                unless(entries, CaseField.ALCOHOL_UNITS, h.alcoholUnitsPerWeek()),
                unless(entries, CaseField.SMOKER, h.smoker()),
                unless(entries, CaseField.SLEEPS_WITH_TOES_POINTED, h.sleepsWithToesPointedOrProne()));
    }

    private static Arbitrary<Patient> patient() {
        Arbitrary<Integer> pregnancy = Arbitraries.integers().between(1, 42).injectNull(0.8);
        Arbitrary<Integer> postpartum = Arbitraries.integers().between(0, 52).injectNull(0.8);
        Arbitrary<Boolean> pregnantFlag = Arbitraries.of(true, false).injectNull(0.7);
        return Combinators.combine(Arbitraries.integers().between(18, 120), Arbitraries.of(Sex.class), pregnancy, postpartum,
                        pregnantFlag)
                .as((age, sex, preg, post, flag) -> {
                    Integer postpartumWeeks = preg == null ? post : null;
                    // Only the consistent combinations of catalogue 2.1.
                    Boolean pregnant = (flag == null || (flag && postpartumWeeks != null) || (!flag && preg != null)) ? null : flag;
                    return new Patient(age, sex, preg, postpartumWeeks, pregnant);
                });
    }

    private static Arbitrary<Cramps> cramps() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), decimal(1, 240, 1),
                        Arbitraries.of(CrampSite.class).set().ofMinSize(1), Arbitraries.of(Side.class),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(4, decimal(0, 12, 1)), net.jqwik.api.Tuple.of(1, decimal(0, 5200, 1))))
                .as((nights, minutes, sites, side, weeks) -> new Cramps(nights, minutes, Set.copyOf(sites), side, weeks));
    }

    private static Arbitrary<History> history() {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(decimal(0, 12, 1), flag, flag, flag, decimal(0, 24, 1), decimal(0, 4, 2),
                        decimal(0, 40, 0), Combinators.combine(flag, flag).as(List::of))
                .as((travel, immobilised, surgery, exercise, sitting, fluid, alcohol, smokerToes) -> new History(travel,
                        immobilised, surgery, exercise, sitting, fluid, alcohol, smokerToes.get(0), smokerToes.get(1)));
    }

    private static Arbitrary<Set<Symptom>> symptoms() {
        return Arbitraries.of(Symptom.class).set().ofMaxSize(6);
    }

    private static Arbitrary<Set<Condition>> conditions() {
        return Arbitraries.of(Condition.class).set().ofMaxSize(4);
    }

    private static Arbitrary<List<Medication>> medications() {
        Arbitrary<Medication> started = Combinators.combine(Arbitraries.of(MEDICINES),
                        Arbitraries.integers().between(0, 400).injectNull(0.3))
                .as((m, days) -> new Medication(m.name(), m.drugClass(), days));
        return started.set().ofMaxSize(4).map(List::copyOf);
    }

    /** At most one lab per test, each a plausible value in its canonical unit. */
    private static Arbitrary<List<LabResult>> labs() {
        return Arbitraries.of(LabTest.class).set().ofMaxSize(5).flatMap(tests -> {
            List<Arbitrary<LabResult>> each = tests.stream().map(RandomPatients::agedLab).toList();
            return Combinators.combine(each).as(List::copyOf);
        });
    }

    /** Half current; otherwise a day or so either side of the test's window, or much older (catalogue §12). */
    private static Arbitrary<LabResult> agedLab(LabTest test) {
        int window = test.freshnessDays();
        Arbitrary<Integer> age = Arbitraries.oneOf(Arbitraries.of(0, window - 1, window, window + 1),
                Arbitraries.integers().between(0, 36500)).injectNull(0.5);
        return Combinators.combine(lab(test), age).as((lab, days) -> new LabResult(lab.test(), lab.value(), lab.unit(),
                lab.upperLimitOfNormal(), days));
    }

    private static Arbitrary<LabResult> lab(LabTest test) {
        return switch (test) {
            case POTASSIUM -> canonical(test, "1.0", "8.0");
            case SODIUM -> canonical(test, "115", "160");
            case MAGNESIUM -> canonical(test, "0.2", "2.5");
            case ADJUSTED_CALCIUM -> canonical(test, "1.5", "4.0");
            case GLUCOSE -> canonical(test, "1.0", "20");
            case HBA1C -> canonical(test, "20", "90");
            case CK -> Combinators.combine(decimal(1, 20_000, 0), decimal(100, 400, 0).injectNull(0.5))
                    .as((v, uln) -> new LabResult(test, v, "U/L", uln));
            case EGFR -> canonical(test, "5", "120");
            case TSH -> canonical(test, "0.1", "12");
            case HAEMOGLOBIN -> canonical(test, "50", "170");
        };
    }

    private static Arbitrary<LabResult> canonical(LabTest test, String min, String max) {
        return Arbitraries.bigDecimals().between(new BigDecimal(min), new BigDecimal(max)).ofScale(test.decimals())
                .map(v -> new LabResult(test, v, test.canonicalUnit()));
    }

    private static Arbitrary<BigDecimal> decimal(int min, int max, int scale) {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(min), BigDecimal.valueOf(max)).ofScale(scale)
                .filter(d -> min > 0 ? d.signum() > 0 : true);
    }
}
