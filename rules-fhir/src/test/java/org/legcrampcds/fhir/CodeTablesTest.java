package org.legcrampcds.fhir;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.GenericDrugNames;
import org.legcrampcds.model.LabTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks the FHIR code tables ({@code /org/legcrampcds/fhir/codes/*.csv}) against the terminology
 * snapshots copied under {@code /terminology/} (see the README files in both folders): every code
 * that cites a snapshot is in it under the same code system with exactly its display, every
 * unverified code is listed here with its reason, every catalogue condition, lab test and drug
 * class is covered, targets and units are the catalogue's, and the unit traps (magnesium and
 * calcium in mEq/L, ionised calcium) are avoided. Reads only the classpath.
 */
class CodeTablesTest {

    private static final String CODES = "/org/legcrampcds/fhir/codes/";
    private static final String TERMINOLOGY = "/terminology/";

    private static final String SNOMED = "http://snomed.info/sct";
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String LOINC = "http://loinc.org";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final String ATC = "http://www.whocc.no/atc";
    private static final String UNVERIFIED_PREFIX = "unverified:";

    private static final List<String> CODED_FILES = List.of(
            "conditions.csv", "medications.csv", "atc.csv", "labs.csv", "answers.csv");

    private static final Map<String, List<String>> HEADERS = Map.of(
            "conditions.csv", List.of("system", "code", "display", "target", "source"),
            "medications.csv", List.of("system", "code", "display", "target", "name", "source"),
            "atc.csv", List.of("system", "code", "display", "target", "source"),
            "labs.csv", List.of("system", "code", "display", "target", "source"),
            "answers.csv", List.of("system", "code", "display", "target", "source"),
            "units.csv", List.of("target", "ucum", "unit", "source"));

    private static final Map<String, Set<String>> SYSTEMS = Map.of(
            "conditions.csv", Set.of(SNOMED, ICD10CM),
            "medications.csv", Set.of(RXNORM),
            "atc.csv", Set.of(ATC),
            "labs.csv", Set.of(LOINC),
            "answers.csv", Set.of(LOINC, SNOMED));

    /** Targets that are not catalogue enum constants but that the mapping needs. */
    private static final Set<String> EXTRA_CONDITION_TARGETS = Set.of("PREGNANCY", "DELIVERY");
    private static final Set<String> EXTRA_LAB_TARGETS = Set.of(
            "TOTAL_CALCIUM", "ALBUMIN", "IONISED_CALCIUM", "PREGNANCY_STATUS", "GESTATIONAL_AGE");
    private static final Set<String> ANSWER_TARGETS = Set.of("PREGNANT", "NOT_PREGNANT", "UNKNOWN");
    /** The units the mapping reads for the extra lab targets (the others carry no quantity it uses). */
    private static final Map<String, Set<String>> EXTRA_TARGET_UNITS = Map.of(
            "TOTAL_CALCIUM", Set.of("mg/dL", "mmol/L"),
            "ALBUMIN", Set.of("g/L", "g/dL"),
            "GESTATIONAL_AGE", Set.of("wk", "d"));

    /** The ATC prefixes of catalogue §2.5, with their classes. */
    private static final Map<String, String> CATALOGUE_ATC_PREFIXES = Map.ofEntries(
            entry("C03C", "LOOP_DIURETIC"), entry("C03EB", "LOOP_DIURETIC"),
            entry("C03A", "THIAZIDE_DIURETIC"), entry("C03BA", "THIAZIDE_DIURETIC"),
            entry("C03D", "POTASSIUM_SPARING_DIURETIC"), entry("C03EA", "POTASSIUM_SPARING_DIURETIC"),
            entry("C10AA", "STATIN"), entry("C10B", "STATIN"),
            entry("R03AC", "BETA2_AGONIST"), entry("R03CC", "BETA2_AGONIST"),
            entry("R03AK", "BETA2_AGONIST"), entry("R03AL", "BETA2_AGONIST"),
            entry("C08", "CALCIUM_CHANNEL_BLOCKER"),
            entry("C09A", "ACE_INHIBITOR"), entry("C09B", "ACE_INHIBITOR"),
            entry("C09C", "ANGIOTENSIN_RECEPTOR_BLOCKER"), entry("C09D", "ANGIOTENSIN_RECEPTOR_BLOCKER"),
            entry("G03A", "ORAL_CONTRACEPTIVE"),
            entry("G03C", "ESTROGEN_HRT"), entry("G03F", "ESTROGEN_HRT"),
            entry("G03XC01", "RALOXIFENE"), entry("H05AA02", "TERIPARATIDE"), entry("N05AN01", "LITHIUM"),
            entry("P01BC01", "QUININE"), entry("M09AA", "QUININE"),
            entry("A12CC", "MAGNESIUM_SUPPLEMENT"), entry("A02AA", "MAGNESIUM_SUPPLEMENT"),
            entry("A12BA", "POTASSIUM_SUPPLEMENT"),
            entry("B01AA", "ANTICOAGULANT"), entry("B01AB", "ANTICOAGULANT"), entry("B01AE", "ANTICOAGULANT"),
            entry("B01AF", "ANTICOAGULANT"), entry("B01AX05", "ANTICOAGULANT"));

    /**
     * Every row whose source is not a snapshot file ({@code file system|code}), with the reason it is
     * in the table anyway. Adding an unverified code means adding it here too: a deliberate act.
     */
    private static final Map<String, String> UNVERIFIED = Map.ofEntries(
            entry("conditions.csv " + ICD10CM + "|Z99.2",
                    "dialysis dependence: no snapshot has an ICD-10-CM code for it"),
            entry("conditions.csv " + ICD10CM + "|E03.9",
                    "hypothyroidism: no snapshot has an ICD-10-CM hypothyroidism code"),
            entry("conditions.csv " + ICD10CM + "|G20",
                    "Parkinson's disease: the pre-October-2023 code, still on legacy problem lists"),
            entry("conditions.csv " + ICD10CM + "|I73.9",
                    "peripheral vascular disease, unspecified: the eCQM PAD value set has no I73 code"),
            entry("conditions.csv " + ICD10CM + "|G25.81",
                    "restless legs syndrome: its only ICD-10-CM code; no snapshot holds it"),
            entry("conditions.csv " + ICD10CM + "|D64.9",
                    "anaemia, unspecified: the eCQM Anemia value set has no D64 code"),
            entry("conditions.csv " + ICD10CM + "|Z86.718",
                    "history of venous thrombosis: named by interfaces §6; the VTE value set has no history codes"),
            entry("conditions.csv " + ICD10CM + "|Z86.711",
                    "history of pulmonary embolism: PREVIOUS_DVT covers PE; no snapshot has history codes"),
            entry("conditions.csv " + ICD10CM + "|Z37.0",
                    "single live birth (outcome of delivery): the Pregnancy value set has no Z37 code"),
            entry("conditions.csv " + SNOMED + "|236973005",
                    "delivery procedure: no snapshot holds SNOMED CT procedures (a delivery Procedure)"),
            entry("conditions.csv " + SNOMED + "|11466000",
                    "caesarean section: no snapshot holds SNOMED CT procedures (a delivery Procedure)"),
            entry("conditions.csv " + SNOMED + "|157141000119108",
                    "proteinuria due to type 2 diabetes: Synthea records it for diabetes; in no snapshot"),
            entry("conditions.csv " + SNOMED + "|90781000119102",
                    "microalbuminuria due to type 2 diabetes: Synthea records it for diabetes; in no snapshot"),
            entry("labs.csv " + LOINC + "|2157-6", "creatine kinase: no snapshot has a CK code"),
            entry("labs.csv " + LOINC + "|3016-3", "TSH: no snapshot has a TSH code"),
            entry("labs.csv " + LOINC + "|82810-3",
                    "pregnancy status: interfaces §6 names it; only its answer codes are in a snapshot"),
            entry("labs.csv " + LOINC + "|11884-4", "gestational age (estimated): in no snapshot"),
            entry("labs.csv " + LOINC + "|18185-9", "gestational age: in no snapshot"),
            entry("labs.csv " + LOINC + "|49051-6", "gestational age in weeks: in no snapshot"),
            entry("labs.csv " + LOINC + "|2000-8",
                    "total calcium in mmol/L (molar code): the snapshots have only the mass code 17861-6"),
            entry("labs.csv " + LOINC + "|59261-8",
                    "HbA1c by IFCC in mmol/mol (the canonical unit): the snapshots have only NGSP codes"));

    /** LOINC 33914-3: the display before PDDI-CDS commit f6d9591 (there written with zero-width spaces). */
    private static final String EGFR_MDRD_PREVIOUS_DISPLAY = "Glomerular filtration rate/1.73 sq M.predicted "
            + "[Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)";

    private static final Pattern VERSION_LINE = Pattern.compile("# version: \\d{4}-\\d{2}-\\d{2}\\.\\d+( .*)?");
    private static final Pattern FSH_CONCEPT = Pattern.compile("^\\* #(\\S+) \"((?:[^\"\\\\]|\\\\.)*)\" \"([^\"]+)\"\\s*$");

    private static final Map<String, Table> TABLES = new ConcurrentHashMap<>();
    private static final Map<String, Snapshot> SNAPSHOTS = new ConcurrentHashMap<>();

    // ------------------------------------------------------------------ well-formed CSV

    @ParameterizedTest
    @ValueSource(strings = {"conditions.csv", "medications.csv", "atc.csv", "labs.csv", "answers.csv", "units.csv"})
    void tableIsWellFormedVersionedCsv(String file) {
        Table table = table(file);
        assertThat(table.version).as("%s: first line is the version line", file).matches(VERSION_LINE);
        assertThat(table.header).as("%s: header", file).isEqualTo(HEADERS.get(file));
        assertThat(table.rows).as("%s: rows", file).isNotEmpty();
        for (Row row : table.rows) {
            assertThat(row.fields).as("%s line %d: column count", file, row.line).hasSize(table.header.size());
            for (String field : row.fields) {
                assertThat(field).as("%s line %d: empty or untrimmed field", file, row.line)
                        .isNotBlank().isEqualTo(field.strip());
            }
        }
    }

    @Test
    void allTablesCarryTheSameVersion() {
        Set<String> versions = HEADERS.keySet().stream().map(f -> table(f).version.split(" ")[2])
                .collect(Collectors.toSet());
        assertThat(versions).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conditions.csv", "medications.csv", "atc.csv", "labs.csv", "answers.csv", "units.csv"})
    void noDuplicateCodeAndRowsSortedByTargetSystemCode(String file) {
        Table table = table(file);
        boolean units = file.equals("units.csv");
        // A condition code may carry several targets (E11.42 is diabetes and neuropathy), never one twice.
        boolean conditions = file.equals("conditions.csv");
        List<String> keys = table.rows.stream()
                .map(r -> units ? r.get("target") + "|" + r.get("ucum")
                        : r.get("system") + "|" + r.get("code") + (conditions ? "|" + r.get("target") : ""))
                .toList();
        assertThat(keys).as("%s: duplicate (system, code)", file).doesNotHaveDuplicates();
        Comparator<Row> order = units
                ? Comparator.comparing((Row r) -> r.get("target")).thenComparing(r -> r.get("ucum"))
                : Comparator.comparing((Row r) -> r.get("target")).thenComparing(r -> r.get("system"))
                        .thenComparing(r -> r.get("code"));
        assertThat(table.rows).as("%s: rows sorted by target, then system, then code", file).isSortedAccordingTo(order);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conditions.csv", "medications.csv", "atc.csv", "labs.csv", "answers.csv"})
    void systemsAreTheFilesOwn(String file) {
        assertThat(table(file).rows).allSatisfy(row -> assertThat(row.get("system"))
                .as("%s line %d", file, row.line).isIn(SYSTEMS.get(file)));
    }

    // ------------------------------------------------------------------ codes against the snapshots

    @ParameterizedTest
    @ValueSource(strings = {"conditions.csv", "medications.csv", "atc.csv", "labs.csv", "answers.csv"})
    void everySnapshotCodeIsInItsSnapshotWithExactlyItsDisplay(String file) {
        List<String> problems = new ArrayList<>();
        for (Row row : table(file).rows) {
            String source = row.get("source");
            if (source.startsWith(UNVERIFIED_PREFIX)) {
                continue;
            }
            Optional<Snapshot> snapshot = snapshot(source);
            if (snapshot.isEmpty()) {
                problems.add(file + " line " + row.line + ": source '" + source + "' is no snapshot under " + TERMINOLOGY);
                continue;
            }
            Set<String> displays = snapshot.get().displays(row.get("system"), row.get("code"));
            if (displays.isEmpty()) {
                problems.add(file + " line " + row.line + ": " + row.get("system") + "|" + row.get("code")
                        + " is not in " + source);
            } else if (!displayMatches(row.get("system"), row.get("code"), row.get("display"), displays)) {
                problems.add(file + " line " + row.line + ": display '" + row.get("display") + "' of "
                        + row.get("code") + " is not the display of " + source + " " + displays);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void unverifiedRowsAreExactlyTheListedOnes() {
        Map<String, Row> unverified = new TreeMap<>();
        for (String file : CODED_FILES) {
            for (Row row : table(file).rows) {
                if (row.get("source").startsWith(UNVERIFIED_PREFIX)) {
                    unverified.put(file + " " + row.get("system") + "|" + row.get("code"), row);
                }
            }
        }
        assertThat(unverified.keySet()).isEqualTo(new TreeSet<>(UNVERIFIED.keySet()));
        assertThat(UNVERIFIED.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(unverified.values()).allSatisfy(row -> {
            String why = row.get("source").substring(UNVERIFIED_PREFIX.length()).strip();
            assertThat(why).as("line %d: the unverified source says why the code is right", row.line)
                    .startsWith(codeSystemName(row.get("system")) + " " + row.get("code") + " " + row.get("display"))
                    .contains(";");
        });
    }

    @Test
    void unverifiedCodesAreInNoCopiedSnapshot() {
        List<String> found = new ArrayList<>();
        for (String file : CODED_FILES) {
            for (Row row : table(file).rows) {
                if (!row.get("source").startsWith(UNVERIFIED_PREFIX)) {
                    continue;
                }
                for (String source : sha256Sums().keySet()) {
                    if (!snapshot(source).orElseThrow().displays(row.get("system"), row.get("code")).isEmpty()) {
                        found.add(row.get("code") + " is in " + source + ": cite it instead");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    // ------------------------------------------------------------------ the copied snapshots

    @Test
    void snapshotCopiesMatchTheirChecksumsAndAreExactlyTheCitedFiles() throws NoSuchAlgorithmException {
        Map<String, String> sums = sha256Sums();
        Set<String> cited = new TreeSet<>();
        for (String file : CODED_FILES) {
            table(file).rows.stream().map(r -> r.get("source")).filter(s -> !s.startsWith(UNVERIFIED_PREFIX))
                    .forEach(cited::add);
        }
        assertThat(new TreeSet<>(sums.keySet())).as("SHA256SUMS lists exactly the cited snapshot files")
                .isEqualTo(cited);
        for (Map.Entry<String, String> sum : sums.entrySet()) {
            byte[] bytes = resourceBytes(TERMINOLOGY + sum.getKey())
                    .orElseThrow(() -> new AssertionError("missing " + TERMINOLOGY + sum.getKey()));
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(actual).as("SHA-256 of %s", sum.getKey()).isEqualTo(sum.getValue());
        }
    }

    @Test
    void snapshotParsersReadWholeFiles() {
        // Entry counts as the terminology README gives them: a parser that misses codes fails here.
        assertThat(snapshot("unicom-ig/atcEMA.fsh").orElseThrow().size()).isEqualTo(6873);
        assertThat(snapshot("fhir-ips/valueset-problems-snomed-ct-ips-free-set.json").orElseThrow().size())
                .isEqualTo(5622);
        assertThat(snapshot("opioid-cds-r4/cdc-malignant-cancer-conditions.json").orElseThrow().size())
                .isEqualTo(1668);
        assertThat(snapshot("ecqm-content-qicore-2024/ValueSet-us-core-allergy-substance.json").orElseThrow()
                .size()).isEqualTo(765);
        assertThat(snapshot("pddi-cds/valueset-furosemide.xml").orElseThrow().size()).isEqualTo(106);
        assertThat(snapshot("fhir-ips/valueset-pregnancy-status-uv-ips.xml").orElseThrow().size()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ coverage and targets

    @Test
    void everyCatalogueConditionHasACode() {
        Set<String> targets = targets("conditions.csv");
        assertThat(targets).containsAll(Arrays.stream(Condition.values()).map(Enum::name).toList())
                .containsAll(EXTRA_CONDITION_TARGETS);
    }

    @Test
    void everyLabTestHasACode() {
        assertThat(targets("labs.csv")).containsAll(Arrays.stream(LabTest.values()).map(Enum::name).toList())
                .containsAll(EXTRA_LAB_TARGETS);
        assertThat(targets("answers.csv")).containsAll(ANSWER_TARGETS);
    }

    @Test
    void everyDrugClassButOtherHasAnRxNormOrAtcCode() {
        Set<String> targets = new LinkedHashSet<>(targets("medications.csv"));
        targets.addAll(targets("atc.csv"));
        assertThat(targets).containsAll(Arrays.stream(DrugClass.values()).filter(c -> c != DrugClass.OTHER)
                .map(Enum::name).toList());
    }

    @Test
    void everyTargetIsAKnownConstant() {
        Set<String> conditions = union(names(Condition.values()), EXTRA_CONDITION_TARGETS);
        Set<String> labs = union(names(LabTest.values()), EXTRA_LAB_TARGETS);
        Set<String> classes = names(DrugClass.values());
        assertThat(targets("conditions.csv")).isSubsetOf(conditions);
        assertThat(targets("labs.csv")).isSubsetOf(labs);
        assertThat(targets("medications.csv")).isSubsetOf(classes);
        assertThat(targets("atc.csv")).isSubsetOf(classes);
        assertThat(targets("answers.csv")).isSubsetOf(ANSWER_TARGETS);
        assertThat(targets("units.csv")).isSubsetOf(union(names(LabTest.values()), EXTRA_TARGET_UNITS.keySet()));
    }

    // ------------------------------------------------------------------ medications

    @Test
    void medicationNamesInTheGenericNameTableCarryItsClass() {
        assertThat(table("medications.csv").rows).allSatisfy(row -> {
            String name = row.get("name");
            assertThat(name).as("line %d: generic names are lower case", row.line)
                    .isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
            GenericDrugNames.requiredClass(name).ifPresent(required -> assertThat(row.get("target"))
                    .as("line %d: %s is %s in the catalogue's name table", row.line, name, required)
                    .isEqualTo(required.name()));
        });
    }

    @Test
    void usNamesAreMappedToTheCatalogueNames() {
        Map<String, String> nameByCode = table("medications.csv").rows.stream()
                .collect(Collectors.toMap(r -> r.get("code"), r -> r.get("name")));
        assertThat(nameByCode).containsEntry("38413", "torasemide").containsEntry("435", "salbutamol")
                .containsEntry("2409", "chlortalidone").containsEntry("9071", "quinine sulfate")
                .containsEntry("6448", "lithium carbonate").containsEntry("42351", "lithium carbonate")
                .containsEntry("214558", "ethinylestradiol/levonorgestrel").containsEntry("4603", "furosemide");
    }

    @Test
    void atcRowsAreTheCataloguePrefixesAndExcludeAntiplatelets() {
        Map<String, String> prefixes = table("atc.csv").rows.stream()
                .collect(Collectors.toMap(r -> r.get("code"), r -> r.get("target")));
        assertThat(prefixes).isEqualTo(CATALOGUE_ATC_PREFIXES);
        // Longest prefix first, as the mapper matches: an antiplatelet (B01AC) is in no class.
        for (String antiplatelet : List.of("B01AC06", "B01AC04", "B01AC24")) {
            assertThat(longestAtcPrefix(prefixes, antiplatelet)).as(antiplatelet).isEmpty();
        }
        assertThat(longestAtcPrefix(prefixes, "C03CA01")).contains("LOOP_DIURETIC");
        assertThat(longestAtcPrefix(prefixes, "C03EB01")).contains("LOOP_DIURETIC");
        assertThat(longestAtcPrefix(prefixes, "C03EA01")).contains("POTASSIUM_SPARING_DIURETIC");
        assertThat(longestAtcPrefix(prefixes, "B01AX05")).contains("ANTICOAGULANT");
        assertThat(longestAtcPrefix(prefixes, "B01AX01")).isEmpty();
    }

    // ------------------------------------------------------------------ labs and units

    @Test
    void everyUnitIsOneTheCatalogueAcceptsForItsTest() {
        assertThat(table("units.csv").rows).allSatisfy(row -> {
            String target = row.get("target");
            if (EXTRA_TARGET_UNITS.containsKey(target)) {
                assertThat(row.get("unit")).as("line %d", row.line).isIn(EXTRA_TARGET_UNITS.get(target));
            } else {
                assertThat(LabTest.valueOf(target).accepts(row.get("unit")))
                        .as("line %d: %s accepts '%s'", row.line, target, row.get("unit")).isTrue();
            }
        });
        Map<String, Set<String>> unitsByTarget = table("units.csv").rows.stream().collect(Collectors.groupingBy(
                r -> r.get("target"), Collectors.mapping(r -> r.get("unit"), Collectors.toSet())));
        for (LabTest test : LabTest.values()) {
            assertThat(unitsByTarget.getOrDefault(test.name(), Set.of()))
                    .as("%s: its canonical unit has a UCUM row", test).contains(test.canonicalUnit());
        }
        EXTRA_TARGET_UNITS.forEach((target, units) -> assertThat(unitsByTarget.get(target)).isEqualTo(units));
    }

    @Test
    void unitsAreTheUcumCodesOwnSpellingNeverAUcumEquivalent() {
        // meq/L is mmol/L to UCUM (1:1), which is wrong for magnesium and calcium (×0.5): a unit
        // string is only ever the same unit written the catalogue's way, and conversion is the catalogue's.
        assertThat(table("units.csv").rows).allSatisfy(row -> assertThat(
                row.get("ucum").replaceAll("[\\[\\]{}_]", "").toLowerCase(java.util.Locale.ROOT))
                .as("line %d: %s -> %s", row.line, row.get("ucum"), row.get("unit"))
                .isEqualTo(row.get("unit").toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void magnesiumByMassAndByMolesBothMapToMagnesiumAndMeqIsNeverMmol() {
        Map<String, String> labs = targetByCode("labs.csv");
        assertThat(labs).containsEntry("19123-9", "MAGNESIUM").containsEntry("2601-3", "MAGNESIUM");
        assertThat(table("units.csv").rows).noneSatisfy(row -> {
            assertThat(row.get("target")).isIn("MAGNESIUM", "ADJUSTED_CALCIUM");
            assertThat(row.get("ucum")).isEqualToIgnoringCase("meq/L");
            assertThat(row.get("unit")).isEqualToIgnoringCase("mmol/L");
        });
        assertThat(unit("MAGNESIUM", "meq/L")).contains("mEq/L");
        assertThat(unit("ADJUSTED_CALCIUM", "meq/L")).contains("mEq/L");
        assertThat(unit("MAGNESIUM", "mg/dL")).contains("mg/dL");
        assertThat(unit("POTASSIUM", "mg/dL")).isEmpty();
    }

    @Test
    void calciumCodesKeepTotalCorrectedAndIonisedApart() {
        Map<String, String> labs = targetByCode("labs.csv");
        assertThat(labs).containsEntry("29265-6", "ADJUSTED_CALCIUM").containsEntry("17861-6", "TOTAL_CALCIUM")
                .containsEntry("1995-0", "IONISED_CALCIUM").containsEntry("1994-3", "IONISED_CALCIUM")
                .containsEntry("1751-7", "ALBUMIN").containsEntry("82810-3", "PREGNANCY_STATUS");
        assertThat(table("labs.csv").rows).filteredOn(r -> r.get("target").equals("ADJUSTED_CALCIUM"))
                .allSatisfy(r -> assertThat(r.get("display")).contains("corrected for albumin"));
        assertThat(table("labs.csv").rows).filteredOn(r -> r.get("display").contains("ionized"))
                .allSatisfy(r -> assertThat(r.get("target")).isEqualTo("IONISED_CALCIUM"));
    }

    // ------------------------------------------------------------------ catalogue definitions

    @Test
    void conditionCodesFollowTheCatalogueDefinitions() {
        List<Row> rows = table("conditions.csv").rows;
        // ACTIVE_CANCER is malignancy: ICD-10-CM C00-C96 only (no benign, in-situ or uncertain D codes).
        assertThat(rows).filteredOn(r -> r.get("target").equals("ACTIVE_CANCER") && r.get("system").equals(ICD10CM))
                .isNotEmpty().allSatisfy(r -> assertThat(r.get("code")).matches("C[0-9][0-9A-Z.]*"));
        assertThat(rows).filteredOn(r -> r.get("target").equals("ACTIVE_CANCER"))
                .noneSatisfy(r -> assertThat(r.get("display").toLowerCase(java.util.Locale.ROOT))
                        .containsAnyOf("benign", "history", "in situ"));
        // DIALYSIS is dialysis dependence, not CKD stage 5 or end-stage renal disease alone.
        // A code may have several targets (236435004 is dialysis and CKD), so rows are code=target pairs.
        Set<String> conditions = rows.stream().map(r -> r.get("code") + "=" + r.get("target")).collect(Collectors.toSet());
        assertThat(conditions).contains("N18.5=CHRONIC_KIDNEY_DISEASE")
                .contains("N18.6=CHRONIC_KIDNEY_DISEASE").contains("433146000=CHRONIC_KIDNEY_DISEASE")
                .contains("46177005=CHRONIC_KIDNEY_DISEASE").contains("Z99.2=DIALYSIS")
                .contains("428982002=DIALYSIS");
        assertThat(rows).filteredOn(r -> r.get("target").equals("DIALYSIS"))
                .allSatisfy(r -> assertThat(r.get("display").toLowerCase(java.util.Locale.ROOT)).contains("dialysis"));
        // PREVIOUS_DVT covers DVT and PE codes and history-of codes.
        assertThat(conditions).contains("Z86.718=PREVIOUS_DVT").contains("161508001=PREVIOUS_DVT")
                .contains("I82.401=PREVIOUS_DVT").contains("59282003=PREVIOUS_DVT");
        // HYPOGLYCAEMIA is recurrent hypoglycaemia: no single-event or coma codes.
        assertThat(rows).filteredOn(r -> r.get("target").equals("HYPOGLYCAEMIA"))
                .noneSatisfy(r -> assertThat(r.get("display").toLowerCase(java.util.Locale.ROOT))
                        .containsAnyOf("coma", "event", "neonatal"));
        // Lumbar stenosis and disc herniation suppress a nerve-root red flag: lumbar codes only.
        assertThat(rows).filteredOn(r -> r.get("target").equals("LUMBAR_SPINAL_STENOSIS")
                        || r.get("target").equals("HERNIATED_DISC"))
                .allSatisfy(r -> assertThat(r.get("display").toLowerCase(java.util.Locale.ROOT)).contains("lumb"));
    }

    // ------------------------------------------------------------------ helpers

    private static boolean displayMatches(String system, String code, String display, Set<String> displays) {
        if (displays.contains(display)) {
            return true;
        }
        if (LOINC.equals(system) && "33914-3".equals(code)) {
            String plain = display.replace("\u200B", "");
            return displays.stream().anyMatch(d -> d.replace("\u200B", "").equals(plain))
                    || plain.equals(EGFR_MDRD_PREVIOUS_DISPLAY);
        }
        return false;
    }

    private static String codeSystemName(String system) {
        return switch (system) {
            case SNOMED -> "SNOMED CT";
            case ICD10CM -> "ICD-10-CM";
            case LOINC -> "LOINC";
            case RXNORM -> "RxNorm";
            case ATC -> "ATC";
            default -> system;
        };
    }

    private static Optional<String> longestAtcPrefix(Map<String, String> prefixes, String code) {
        return prefixes.keySet().stream().filter(code::startsWith)
                .max(Comparator.comparingInt(String::length)).map(prefixes::get);
    }

    private static Optional<String> unit(String target, String ucum) {
        return table("units.csv").rows.stream()
                .filter(r -> r.get("target").equals(target) && r.get("ucum").equals(ucum))
                .map(r -> r.get("unit")).findFirst();
    }

    private static Map<String, String> targetByCode(String file) {
        return table(file).rows.stream().collect(Collectors.toMap(r -> r.get("code"), r -> r.get("target")));
    }

    private static Set<String> targets(String file) {
        return table(file).rows.stream().map(r -> r.get("target")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ CSV (RFC 4180, one record a line)

    private record Row(int line, List<String> fields, Map<String, String> byColumn) {
        String get(String column) {
            String value = byColumn.get(column);
            if (value == null) {
                throw new AssertionError("line " + line + " has no column " + column);
            }
            return value;
        }
    }

    private record Table(String version, List<String> header, List<Row> rows) {
    }

    private static Table table(String file) {
        return TABLES.computeIfAbsent(file, CodeTablesTest::readTable);
    }

    private static Table readTable(String file) {
        byte[] bytes = resourceBytes(CODES + file).orElseThrow(() -> new AssertionError("missing " + CODES + file));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).as("%s: UTF-8 without BOM, LF line ends, final newline", file)
                .doesNotStartWith("\uFEFF").doesNotContain("\r").endsWith("\n");
        String[] split = text.split("\n", -1);
        List<String> lines = List.of(split).subList(0, split.length - 1); // the text ends with a newline
        assertThat(lines).as(file).hasSizeGreaterThan(2);
        String version = lines.get(0);
        List<String> header = parseRecord(lines.get(1), file, 2);
        List<Row> rows = new ArrayList<>();
        for (int i = 2; i < lines.size(); i++) {
            int line = i + 1;
            assertThat(lines.get(i)).as("%s line %d: blank or comment line inside the data", file, line)
                    .isNotBlank().doesNotStartWith("#");
            List<String> fields = parseRecord(lines.get(i), file, line);
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(header.size(), fields.size()); c++) {
                byColumn.put(header.get(c), fields.get(c));
            }
            rows.add(new Row(line, fields, byColumn));
        }
        return new Table(version, header, List.copyOf(rows));
    }

    /** One CSV record: comma-separated, a field with a comma or quote in double quotes, quotes doubled. */
    private static List<String> parseRecord(String text, String file, int line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    if (i < text.length() && text.charAt(i) != ',') {
                        throw new AssertionError(file + " line " + line + ": text after a closing quote");
                    }
                    continue;
                }
                field.append(ch);
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
                continue;
            } else if (ch == '"') {
                if (!fieldStart) {
                    throw new AssertionError(file + " line " + line + ": quote inside an unquoted field");
                }
                quoted = true;
            } else {
                field.append(ch);
            }
            fieldStart = false;
            i++;
        }
        if (quoted) {
            throw new AssertionError(file + " line " + line + ": unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }

    // ------------------------------------------------------------------ snapshots

    /** The codes of one snapshot file: system -> code -> displays (a code may appear more than once). */
    private static final class Snapshot {
        private final Map<String, Map<String, Set<String>>> displays = new HashMap<>();
        private int entries;

        void add(String system, String code, String display) {
            if (system == null || code == null) {
                return;
            }
            entries++;
            displays.computeIfAbsent(system, s -> new HashMap<>())
                    .computeIfAbsent(code, c -> new LinkedHashSet<>()).add(display == null ? "" : display);
        }

        Set<String> displays(String system, String code) {
            return displays.getOrDefault(system, Map.of()).getOrDefault(code, Set.of());
        }

        int size() {
            return entries;
        }
    }

    private static Optional<Snapshot> snapshot(String source) {
        if (source.contains("..") || source.startsWith("/")) {
            return Optional.empty();
        }
        Snapshot cached = SNAPSHOTS.get(source);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> bytes = resourceBytes(TERMINOLOGY + source);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Snapshot snapshot = new Snapshot();
        if (source.endsWith(".json")) {
            readJson(bytes.get(), snapshot);
        } else if (source.endsWith(".xml")) {
            readXml(bytes.get(), snapshot);
        } else if (source.endsWith(".fsh")) {
            readFsh(bytes.get(), snapshot);
        } else {
            return Optional.empty();
        }
        SNAPSHOTS.put(source, snapshot);
        return Optional.of(snapshot);
    }

    /** A FHIR ValueSet in JSON: {@code compose.include[].concept[]} and {@code expansion.contains[]} (nested). */
    private static void readJson(byte[] bytes, Snapshot snapshot) {
        try {
            JsonNode root = new ObjectMapper().readTree(bytes);
            for (JsonNode include : root.path("compose").path("include")) {
                String system = include.path("system").asText(null);
                for (JsonNode concept : include.path("concept")) {
                    snapshot.add(system, concept.path("code").asText(null), concept.path("display").asText(null));
                }
            }
            readContains(root.path("expansion").path("contains"), snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readContains(JsonNode contains, Snapshot snapshot) {
        for (JsonNode entry : contains) {
            snapshot.add(entry.path("system").asText(null), entry.path("code").asText(null),
                    entry.path("display").asText(null));
            readContains(entry.path("contains"), snapshot);
        }
    }

    /** A FHIR ValueSet in XML: {@code compose/include/concept} and {@code expansion/contains}. */
    private static void readXml(byte[] bytes, Snapshot snapshot) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(new java.io.ByteArrayInputStream(bytes));
            Element root = document.getDocumentElement();
            for (Element compose : children(root, "compose")) {
                for (Element include : children(compose, "include")) {
                    String system = value(include, "system");
                    for (Element concept : children(include, "concept")) {
                        snapshot.add(system, value(concept, "code"), value(concept, "display"));
                    }
                }
            }
            for (Element expansion : children(root, "expansion")) {
                readXmlContains(expansion, snapshot);
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readXmlContains(Element parent, Snapshot snapshot) {
        for (Element contains : children(parent, "contains")) {
            snapshot.add(value(contains, "system"), value(contains, "code"), value(contains, "display"));
            readXmlContains(contains, snapshot);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && "http://hl7.org/fhir".equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String value(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getAttribute("value");
    }

    /** FHIR Shorthand CodeSystem lines {@code * #<EMA id> "<name>" "<WHO ATC code>"}: the ATC code and its name. */
    private static void readFsh(byte[] bytes, Snapshot snapshot) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("* #")) {
                    continue;
                }
                Matcher m = FSH_CONCEPT.matcher(line);
                if (!m.matches()) {
                    throw new AssertionError("unreadable concept line in atcEMA.fsh: " + line);
                }
                snapshot.add(ATC, m.group(3), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA256SUMS of the copied snapshots: relative path -> lower-case hex digest. */
    private static Map<String, String> sha256Sums() {
        String text = new String(resourceBytes(TERMINOLOGY + "SHA256SUMS")
                .orElseThrow(() -> new AssertionError("missing " + TERMINOLOGY + "SHA256SUMS")), StandardCharsets.UTF_8);
        Map<String, String> sums = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = Pattern.compile("([0-9a-f]{64}) [ *](\\S+)").matcher(line);
            assertThat(m.matches()).as("SHA256SUMS line: %s", line).isTrue();
            sums.put(m.group(2), m.group(1));
        }
        return sums;
    }

    private static Optional<byte[]> resourceBytes(String path) {
        try (InputStream in = CodeTablesTest.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
