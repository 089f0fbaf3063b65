package org.legcrampcds.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;
import org.legcrampcds.model.CaseField;
import org.legcrampcds.model.CrampSite;
import org.legcrampcds.model.Cramps;
import org.legcrampcds.model.History;
import org.legcrampcds.model.Side;
import org.legcrampcds.model.Symptom;
import org.legcrampcds.model.Unmapped;

/**
 * Symptoms, the cramp pattern and the history from the latest completed or amended response to the
 * project's own leg-cramp Questionnaire (interfaces.md §6). Item linkIds are the case paths, found at
 * any depth; an item not answered is not recorded, and with no response at all every cramp, history
 * and symptom input is not recorded. An answer the mapping cannot read is reported and left not
 * recorded: nothing is guessed.
 */
final class QuestionnaireMapper {

    /** The canonical URL of the project's Questionnaire ends so (a version may follow after {@code |}). */
    static final String QUESTIONNAIRE = "/Questionnaire/leg-cramp-assessment";
    private static final Set<String> CURRENT = Set.of("completed", "amended");
    private static final String SYMPTOMS = "symptoms.";

    /** What the response says, and what it leaves unstated. */
    record Answers(Cramps cramps, History history, Set<Symptom> present, List<String> notRecorded) {
    }

    private record Located(QuestionnaireResponse response, String location) {
    }

    private final MappingContext context;
    private final List<Located> responses = new ArrayList<>();

    QuestionnaireMapper(MappingContext context) {
        this.context = context;
    }

    void add(QuestionnaireResponse response, String location) {
        String questionnaire = response.getQuestionnaire();
        String canonical = questionnaire == null ? "" : questionnaire.split("\\|", 2)[0];
        if (!canonical.endsWith(QUESTIONNAIRE)) {
            context.unmapped(response, Unmapped.Reason.NO_MAPPING, "a response to another questionnaire: " + questionnaire);
            return;
        }
        String status = response.getStatus() == null ? null : response.getStatus().toCode();
        if (status == null || !CURRENT.contains(status)) {
            context.unmapped(response, Unmapped.Reason.NOT_CURRENT, "QuestionnaireResponse with status " + status);
            return;
        }
        if (!response.hasAuthored()) {
            context.unmapped(response, Unmapped.Reason.UNUSABLE_VALUE, "no authored date, so it cannot be ordered");
            return;
        }
        responses.add(new Located(response, location));
    }

    Answers answers() {
        responses.sort(Comparator.comparing((Located l) -> l.response().getAuthored()).reversed());
        if (responses.isEmpty()) {
            return new Answers(null, null, Set.of(), List.of("cramps.*", "history.*", "symptoms.*"));
        }
        for (Located older : responses.subList(1, responses.size())) {
            context.unmapped(older.response(), Unmapped.Reason.SUPERSEDED, "a later response was used");
        }
        Located latest = responses.get(0);
        Map<String, Answered> answered = new HashMap<>();
        collect(latest.response(), latest.response().getItem(), latest.location() + ".item", answered);

        List<String> notRecorded = new ArrayList<>();
        Cramps cramps = new Cramps(integer(answered, CaseField.NIGHTS_PER_WEEK, notRecorded),
                decimal(answered, CaseField.DURATION_MINUTES, notRecorded), sites(answered, notRecorded),
                side(answered, notRecorded), decimal(answered, CaseField.WEEKS_SINCE_ONSET, notRecorded));
        History history = new History(decimal(answered, CaseField.LONG_TRAVEL_HOURS, notRecorded),
                bool(answered, CaseField.IMMOBILISED, notRecorded), bool(answered, CaseField.MAJOR_SURGERY, notRecorded),
                bool(answered, CaseField.STRENUOUS_EXERCISE, notRecorded),
                decimal(answered, CaseField.SITTING_OR_STANDING_HOURS, notRecorded),
                decimal(answered, CaseField.FLUID_INTAKE, notRecorded), decimal(answered, CaseField.ALCOHOL_UNITS, notRecorded),
                bool(answered, CaseField.SMOKER, notRecorded), bool(answered, CaseField.SLEEPS_WITH_TOES_POINTED, notRecorded));
        Set<Symptom> present = EnumSet.noneOf(Symptom.class);
        for (Symptom symptom : Symptom.values()) {
            Optional<Boolean> value = read(answered, SYMPTOMS + symptom.name(), t -> t instanceof org.hl7.fhir.r4.model.BooleanType)
                    .map(t -> ((org.hl7.fhir.r4.model.BooleanType) t).booleanValue());
            if (value.isEmpty()) {
                notRecorded.add(SYMPTOMS + symptom.name());
            } else if (value.get()) {
                present.add(symptom);
            }
        }
        return new Answers(cramps, history, present, notRecorded);
    }

    /** An answered item: its answers and where it is. */
    private record Answered(QuestionnaireResponse response, String linkId, List<QuestionnaireResponseItemAnswerComponent> answers,
                            String location) {
    }

    private void collect(QuestionnaireResponse response, List<QuestionnaireResponseItemComponent> items, String path,
                         Map<String, Answered> answered) {
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String at = path + "[" + i + "]";
            if (item.hasAnswer()) {
                String linkId = item.getLinkId();
                if (known(linkId)) {
                    answered.put(linkId, new Answered(response, linkId, item.getAnswer(), at + ".answer"));
                    context.locate(linkId, at + ".answer");
                } else {
                    context.unmapped(response, Unmapped.Reason.NO_MAPPING, "item '" + linkId + "' is not a case input");
                }
                item.getAnswer().forEach(a -> collect(response, a.getItem(), at + ".answer.item", answered));
            }
            collect(response, item.getItem(), at + ".item", answered);
        }
    }

    private static boolean known(String linkId) {
        if (linkId == null) {
            return false;
        }
        if (linkId.startsWith(SYMPTOMS)) {
            String code = linkId.substring(SYMPTOMS.length());
            return java.util.Arrays.stream(Symptom.values()).anyMatch(s -> s.name().equals(code));
        }
        return CaseField.ofPath(linkId).filter(f -> !f.group().equals("patient")).isPresent();
    }

    /** The single answer of a field, if it has the expected type; otherwise reported and empty. */
    private Optional<Type> read(Map<String, Answered> answered, String linkId, java.util.function.Predicate<Type> typeOk) {
        Answered item = answered.get(linkId);
        if (item == null) {
            return Optional.empty();
        }
        if (item.answers().size() != 1 || !item.answers().get(0).hasValue() || !typeOk.test(item.answers().get(0).getValue())) {
            context.unmapped(item.response(), Unmapped.Reason.UNUSABLE_VALUE, "item '" + linkId
                    + "' needs one answer of its type; left not recorded");
            return Optional.empty();
        }
        return Optional.of(item.answers().get(0).getValue());
    }

    private Integer integer(Map<String, Answered> answered, CaseField field, List<String> notRecorded) {
        Optional<Integer> value = read(answered, field.path(), t -> t instanceof org.hl7.fhir.r4.model.IntegerType)
                .map(t -> ((org.hl7.fhir.r4.model.IntegerType) t).getValue());
        return orNotRecorded(inRange(value, field, answered), field, notRecorded);
    }

    /**
     * An answer the case cannot hold (outside the field's range, catalogue §2.7) is reported as
     * {@code implausible-value} and left not recorded (interfaces.md §6 (2.3)): it never costs the
     * patient the assessment.
     */
    private <T extends Number> Optional<T> inRange(Optional<T> value, CaseField field, Map<String, Answered> answered) {
        if (value.isEmpty()) {
            return value;
        }
        Optional<String> problem = field.rangeProblem(value.get());
        if (problem.isEmpty()) {
            return value;
        }
        context.unmapped(answered.get(field.path()).response(), Unmapped.Reason.IMPLAUSIBLE_VALUE, "item '" + field.path()
                + "' answer " + value.get() + ": " + problem.get() + "; left not recorded");
        return Optional.empty();
    }

    private BigDecimal decimal(Map<String, Answered> answered, CaseField field, List<String> notRecorded) {
        Optional<BigDecimal> value = read(answered, field.path(),
                t -> t instanceof org.hl7.fhir.r4.model.DecimalType || t instanceof org.hl7.fhir.r4.model.IntegerType)
                .map(t -> t instanceof org.hl7.fhir.r4.model.DecimalType d ? d.getValue()
                        : BigDecimal.valueOf(((org.hl7.fhir.r4.model.IntegerType) t).getValue()));
        return orNotRecorded(inRange(value, field, answered), field, notRecorded);
    }

    private Boolean bool(Map<String, Answered> answered, CaseField field, List<String> notRecorded) {
        Optional<Boolean> value = read(answered, field.path(), t -> t instanceof org.hl7.fhir.r4.model.BooleanType)
                .map(t -> ((org.hl7.fhir.r4.model.BooleanType) t).booleanValue());
        return orNotRecorded(value, field, notRecorded);
    }

    private Side side(Map<String, Answered> answered, List<String> notRecorded) {
        Optional<Side> value = read(answered, CaseField.SIDE.path(), t -> t instanceof org.hl7.fhir.r4.model.Coding)
                .flatMap(t -> code(Side.class, ((org.hl7.fhir.r4.model.Coding) t).getCode(), answered.get(CaseField.SIDE.path())));
        return orNotRecorded(value, CaseField.SIDE, notRecorded);
    }

    /** Several answers, each a coding of a cramp site; any answer that is not leaves the field not recorded. */
    private Set<CrampSite> sites(Map<String, Answered> answered, List<String> notRecorded) {
        Answered item = answered.get(CaseField.SITES.path());
        if (item == null) {
            notRecorded.add(CaseField.SITES.path());
            return null;
        }
        Set<CrampSite> sites = EnumSet.noneOf(CrampSite.class);
        for (QuestionnaireResponseItemAnswerComponent answer : item.answers()) {
            Optional<CrampSite> site = answer.getValue() instanceof org.hl7.fhir.r4.model.Coding coding
                    ? code(CrampSite.class, coding.getCode(), item) : Optional.empty();
            if (site.isEmpty()) {
                context.unmapped(item.response(), Unmapped.Reason.UNUSABLE_VALUE, "item 'cramps.sites' has an answer that is no"
                        + " cramp site; left not recorded");
                notRecorded.add(CaseField.SITES.path());
                return null;
            }
            sites.add(site.get());
        }
        return sites;
    }

    private <E extends Enum<E>> Optional<E> code(Class<E> type, String code, Answered item) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return Optional.of(constant);
            }
        }
        context.unmapped(item.response(), Unmapped.Reason.UNUSABLE_VALUE, "item '" + item.linkId() + "' answer '" + code
                + "' is not a code of the questionnaire; left not recorded");
        return Optional.empty();
    }

    private static <T> T orNotRecorded(Optional<T> value, CaseField field, List<String> notRecorded) {
        if (value.isEmpty()) {
            notRecorded.add(field.path());
        }
        return value.orElse(null);
    }
}
