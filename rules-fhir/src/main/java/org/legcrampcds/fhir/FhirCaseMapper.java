package org.legcrampcds.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.legcrampcds.model.InvalidCaseException;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.RecordMapping;
import org.legcrampcds.model.Sex;
import org.legcrampcds.model.Unmapped;

/**
 * Maps one patient's FHIR R4 data, a Bundle of any type or the resources of a CDS Hooks prefetch,
 * to a validated {@link PatientCase} and the report of everything it did not use
 * (interfaces.md §6), as a {@link ReadResult} like every reader of the library. Nothing is
 * guessed: what the record does not state is not recorded. {@link CaseInputs} reads files and
 * streams of any supported format with one of these.
 *
 * <pre>{@code
 * FhirCaseMapper mapper = FhirCaseMapper.create();               // share it: thread-safe
 * ReadResult mapped = mapper.read(json, LocalDate.of(2026, 12, 1), null, "bundle.json");
 * Assessment result = assessor.assess(mapped.patientCaseOrThrow());
 * }</pre>
 *
 * A document that is not a FHIR R4 Bundle, a Bundle without exactly one Patient, a Patient
 * without birth date, or a malformed element the mapping needs is rejected
 * ({@link ReadResult.Rejected}) with errors that name the FHIRPath-like location
 * ({@code Bundle.entry[3].resource.birthDate}) and a diagnostic code; the case model's own checks
 * (an age under 18) are reported the same way, at the element they came from.
 */
public final class FhirCaseMapper {

    private final CodeTables codes;

    private FhirCaseMapper(CodeTables codes) {
        this.codes = codes;
    }

    /** A mapper over the built-in code tables. */
    public static FhirCaseMapper create() {
        return new FhirCaseMapper(CodeTables.get());
    }

    /**
     * Every Observation code the mapping reads, as FHIR search tokens ({@code http://loinc.org|2823-3}),
     * sorted: a CDS Hooks prefetch or a FHIR search asks for exactly these.
     */
    public List<String> observationCodes() {
        return codes.labTokens();
    }

    /**
     * Maps a FHIR R4 JSON Bundle.
     *
     * @param bundleJson the Bundle
     * @param asOf       the date ages and day counts are taken at (the assessment date)
     * @param caseId     the case id of the result, or null for {@code Patient/<id>}
     * @param source     where the Bundle was read, as the result names it (a file name)
     * @return the case with its {@link RecordMapping}, or the rejection naming where and why
     */
    public ReadResult read(String bundleJson, LocalDate asOf, @Nullable String caseId, String source) {
        Objects.requireNonNull(bundleJson, "bundleJson");
        try {
            BundleReader.Read read = BundleReader.read(bundleJson, codes);
            return map(read.entries(), read.skipped(), false, asOf, caseId, List.of(), source);
        } catch (InvalidCaseException e) {
            return new ReadResult.Rejected(caseId, source, e, null);
        }
    }

    /**
     * Maps resources already parsed, for example a CDS Hooks prefetch, each with the location its
     * errors are reported at ({@code prefetch.observations.entry[2].resource}); the draft orders of
     * order-sign are added as medicines started today.
     *
     * @param caseId the case id of the result, or null for {@code Patient/<id>}
     * @param source what the resources are, as the result names it ({@code prefetch})
     */
    public ReadResult read(List<LocatedResource> resources, List<MedicationRequest> draftOrders, LocalDate asOf,
                           @Nullable String caseId, String source) {
        List<BundleReader.Entry> entries = resources.stream()
                .map(r -> new BundleReader.Entry(r.resource(), r.location())).toList();
        try {
            return map(entries, List.of(), true, asOf, caseId, draftOrders, source);
        } catch (InvalidCaseException e) {
            return new ReadResult.Rejected(caseId, source, e, null);
        }
    }

    /**
     * A parsed resource and where it was found.
     *
     * @param resource the resource
     * @param location its FHIRPath-like location, used in errors
     */
    public record LocatedResource(Resource resource, String location) {
    }

    /**
     * @param skipped         resources reported without a parse (a Bundle's other types, other patients')
     * @param checkReferences whether to set aside resources of another patient here (resources parsed
     *                        elsewhere; a Bundle's were set aside before parsing, with their fullUrls)
     */
    private ReadResult map(List<BundleReader.Entry> entries, List<Unmapped> skipped, boolean checkReferences,
                           LocalDate asOf, @Nullable String caseId, List<MedicationRequest> drafts, String source) {
        Objects.requireNonNull(asOf, "asOf");
        MappingContext context = new MappingContext(asOf);
        skipped.forEach(context::unmapped);
        BundleReader.Entry patientEntry = thePatient(entries);
        Patient patient = (Patient) patientEntry.resource();
        String birthDateAt = patientEntry.location() + ".birthDate";
        LocalDate birthDate = MappingContext.utcDate(patient.getBirthDateElement())
                .orElseThrow(() -> BundleReader.rejected(birthDateAt, FhirDiagnostic.MALFORMED_ELEMENT,
                        "birthDate must be a full date to work out an age"));
        int ageYears = Period.between(birthDate, asOf).getYears();
        context.locate("patient", patientEntry.location());
        context.locate("patient.ageYears", birthDateAt);
        context.locate("patient.sex", patientEntry.location() + ".gender");

        ConditionMapper conditions = new ConditionMapper(codes, context);
        MedicationMapper medications = new MedicationMapper(codes, context);
        LabMapper labs = new LabMapper(codes, context);
        QuestionnaireMapper questionnaire = new QuestionnaireMapper(context);
        String patientId = patient.getIdElement().getIdPart();
        for (BundleReader.Entry entry : entries) {
            Resource r = entry.resource();
            if (r instanceof Patient) {
                continue;
            }
            String reference = checkReferences ? patientReference(r) : null;
            if (PatientReferences.namesAnotherPatient(reference, patientId, null)) {
                context.unmapped(r, Unmapped.Reason.OTHER_PATIENT,
                        r.fhirType() + " of another patient (" + reference + "): never used for this one");
                continue;
            }
            if (r instanceof org.hl7.fhir.r4.model.Condition c) {
                conditions.add(c);
            } else if (r instanceof Procedure p) {
                conditions.add(p);
            } else if (r instanceof MedicationStatement s) {
                medications.add(s);
            } else if (r instanceof MedicationRequest m) {
                medications.add(m);
            } else if (r instanceof Observation o) {
                labs.add(o, entry.location());
            } else if (r instanceof QuestionnaireResponse q) {
                questionnaire.add(q, entry.location());
            } else {
                context.unmapped(r, Unmapped.Reason.UNSUPPORTED_TYPE, r.fhirType() + " is not read by the mapping");
            }
        }
        drafts.forEach(medications::draft);

        Sex sex = sex(patient.getGender());
        PregnancyMapper.Result pregnancy = PregnancyMapper.map(ageYears, sex, conditions, labs, codes, context);
        QuestionnaireMapper.Answers answers = questionnaire.answers();
        PatientCase.Builder builder = PatientCase.builder()
                .id(caseId != null ? caseId : MappingContext.name(patient))
                .patient(pregnancy.patient())
                .cramps(answers.cramps())
                .history(answers.history())
                .symptoms(answers.present())
                .conditions(conditions.conditions())
                .locatedBy(context::location);
        medications.medications().forEach(builder::medication);
        List<LabMapper.MappedLab> mappedLabs = labs.labs();
        for (int i = 0; i < mappedLabs.size(); i++) {
            builder.lab(mappedLabs.get(i).lab());
            context.locate("labs[" + i + "]", mappedLabs.get(i).location());
        }
        answers.notRecorded().forEach(builder::notRecorded);
        if (pregnancy.notRecorded()) {
            builder.pregnancyNotRecorded();
        }
        return new ReadResult.Accepted(builder.build(), source, new RecordMapping(asOf, context.unmapped()), null);
    }

    private static BundleReader.Entry thePatient(List<BundleReader.Entry> entries) {
        List<BundleReader.Entry> patients = new ArrayList<>();
        for (BundleReader.Entry entry : entries) {
            if (entry.resource() instanceof Patient) {
                patients.add(entry);
            }
        }
        if (patients.isEmpty()) {
            throw BundleReader.rejected("Bundle.entry", FhirDiagnostic.NO_PATIENT, "no Patient: one is needed");
        }
        if (patients.size() > 1) {
            throw BundleReader.rejected(patients.get(1).location(), FhirDiagnostic.SEVERAL_PATIENTS,
                    "a second Patient: the data of one patient is needed");
        }
        Patient patient = (Patient) patients.get(0).resource();
        if (!patient.hasBirthDateElement() || patient.getBirthDateElement().isEmpty()) {
            throw BundleReader.rejected(patients.get(0).location() + ".birthDate", FhirDiagnostic.NO_BIRTH_DATE,
                    "no birthDate: the age cannot be worked out");
        }
        return patients.get(0);
    }

    /** The {@code subject} reference of a resource, else its {@code patient} reference, or null. */
    private static @Nullable String patientReference(Resource resource) {
        for (String element : List.of("subject", "patient")) {
            Property property = resource.getNamedProperty(element);
            if (property != null && property.hasValues() && property.getValues().get(0) instanceof Reference ref
                    && ref.hasReference()) {
                return ref.getReference();
            }
        }
        return null;
    }

    private static Sex sex(AdministrativeGender gender) {
        if (gender == null) {
            return Sex.UNKNOWN;
        }
        return switch (gender) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
    }

}
