package org.legcrampcds.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.legcrampcds.model.DrugClass;

/**
 * The code tables of {@code org/legcrampcds/fhir/codes/} (versioned CSV data, each row with its
 * code system, code, display, target and source; see the README there), read once. Codes match
 * exactly on system and code; ATC codes match by prefix, the longest first.
 */
final class CodeTables {

    static final String LOINC = "http://loinc.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC = "http://www.whocc.no/atc";
    static final String UCUM = "http://unitsofmeasure.org";

    private static final String FOLDER = "/org/legcrampcds/fhir/codes/";

    /** A drug class and the catalogue's generic name for a medicine code. */
    record Medicine(DrugClass drugClass, String name) {
    }

    private record Key(String system, String code) {
    }

    private record AtcPrefix(String prefix, DrugClass drugClass) {
    }

    private final Map<Key, List<String>> conditions;
    private final Map<Key, Medicine> medicines;
    private final List<AtcPrefix> atc;
    private final Map<String, String> atcDisplay;
    private final Map<Key, String> labs;
    private final Map<Key, String> units;
    private final Map<Key, String> answers;

    private CodeTables() {
        Map<Key, List<String>> byCode = new HashMap<>();
        for (Map<String, String> row : read("conditions.csv")) {
            byCode.computeIfAbsent(new Key(row.get("system"), row.get("code")), k -> new ArrayList<>()).add(row.get("target"));
        }
        conditions = Map.copyOf(byCode);
        labs = targets(read("labs.csv"));
        answers = targets(read("answers.csv"));
        medicines = new HashMap<>();
        for (Map<String, String> row : read("medications.csv")) {
            medicines.put(new Key(row.get("system"), row.get("code")),
                    new Medicine(DrugClass.valueOf(row.get("target")), row.get("name")));
        }
        List<AtcPrefix> prefixes = new ArrayList<>();
        atcDisplay = new HashMap<>();
        for (Map<String, String> row : read("atc.csv")) {
            prefixes.add(new AtcPrefix(row.get("code"), DrugClass.valueOf(row.get("target"))));
            atcDisplay.put(row.get("code"), row.get("display"));
        }
        prefixes.sort(Comparator.comparingInt((AtcPrefix p) -> p.prefix().length()).reversed());
        atc = List.copyOf(prefixes);
        units = new HashMap<>();
        for (Map<String, String> row : read("units.csv")) {
            units.put(new Key(row.get("target"), row.get("ucum")), row.get("unit"));
        }
    }

    private static final CodeTables INSTANCE = new CodeTables();

    /** The tables, read once per class loader. */
    static CodeTables get() {
        return INSTANCE;
    }

    /**
     * The condition targets (catalogue conditions, {@code PREGNANCY} or {@code DELIVERY}) of every
     * coding in the table, in table order: one code may mean two conditions (E11.42 is diabetes and
     * neuropathy). Empty when no coding is in the table.
     */
    List<String> conditions(CodeableConcept code) {
        List<String> targets = new ArrayList<>();
        for (Coding coding : code.getCoding()) {
            for (String target : conditions.getOrDefault(new Key(coding.getSystem(), coding.getCode()), List.of())) {
                if (!targets.contains(target)) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    /** The lab target (a catalogue test or TOTAL_CALCIUM, ALBUMIN, IONISED_CALCIUM, PREGNANCY_STATUS, GESTATIONAL_AGE). */
    Optional<String> lab(CodeableConcept code) {
        return first(code, labs);
    }

    /** Whether the lab table reads Observations with this coding (a prefilter before parsing them). */
    boolean readsObservation(String system, String code) {
        return labs.containsKey(new Key(system, code));
    }

    /**
     * Every observation code the lab table reads, as FHIR search tokens {@code system|code}, sorted:
     * the catalogue's tests, pregnancy status, gestational age, total calcium, albumin and ionised calcium.
     */
    List<String> labTokens() {
        return labs.keySet().stream().map(k -> k.system() + "|" + k.code()).sorted().toList();
    }

    /** The pregnancy-status answer target: PREGNANT, NOT_PREGNANT or UNKNOWN. */
    Optional<String> answer(CodeableConcept code) {
        return first(code, answers);
    }

    /** The medicine of the first RxNorm coding in the table. */
    Optional<Medicine> rxnorm(CodeableConcept code) {
        return code.getCoding().stream().map(c -> medicines.get(new Key(c.getSystem(), c.getCode())))
                .filter(m -> m != null).findFirst();
    }

    /** The drug class of the first ATC coding that starts with a prefix of the table. */
    Optional<DrugClass> atc(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            if (ATC.equals(coding.getSystem()) && coding.getCode() != null) {
                for (AtcPrefix prefix : atc) {
                    if (coding.getCode().startsWith(prefix.prefix())) {
                        return Optional.of(prefix.drugClass());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The table's display of an ATC coding given at full length (a substance, such as {@code teriparatide}). */
    Optional<String> atcSubstance(CodeableConcept code) {
        return code.getCoding().stream().filter(c -> ATC.equals(c.getSystem()) && c.getCode() != null)
                .map(c -> atcDisplay.get(c.getCode())).filter(d -> d != null).findFirst();
    }

    /** The catalogue unit string for a UCUM unit code of this test, if the test accepts it. */
    Optional<String> unit(String target, String ucum) {
        return Optional.ofNullable(units.get(new Key(target, ucum)));
    }

    private static Optional<String> first(CodeableConcept code, Map<Key, String> table) {
        for (Coding coding : code.getCoding()) {
            String target = table.get(new Key(coding.getSystem(), coding.getCode()));
            if (target != null) {
                return Optional.of(target);
            }
        }
        return Optional.empty();
    }

    private static Map<Key, String> targets(List<Map<String, String>> rows) {
        Map<Key, String> table = new HashMap<>();
        rows.forEach(row -> table.put(new Key(row.get("system"), row.get("code")), row.get("target")));
        return Map.copyOf(table);
    }

    private static List<Map<String, String>> read(String file) {
        CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.ALLOW_COMMENTS).enable(CsvParser.Feature.TRIM_SPACES).build();
        try (InputStream in = CodeTables.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("code table " + file + " is missing from the library jar");
            }
            MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in);
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("code table " + file + " is unreadable", e);
        }
    }
}
