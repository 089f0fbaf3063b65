package org.legcrampcds.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random VALID case documents (catalogue v2.2 §2, §11, §12) biased so that every code and
 * every red flag fires often: lab values near each decision threshold (on it, one rounding step
 * either side, and raw values that round onto it), in every accepted unit and spelling, with
 * partial records and aged labs.
 */
public final class RandomCaseJson {

    private RandomCaseJson() {
    }

    private static final List<String> SEXES = List.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    private static final List<String> SITES = List.of("CALF", "FOOT", "THIGH");
    private static final List<String> SIDES = List.of("LEFT", "RIGHT", "BOTH");
    private static final List<String> GENERIC = List.copyOf(Catalogue.GENERIC_NAMES.keySet());

    /** Names not in the §2.5 table, with a plausible class (any class is accepted for them). */
    private static final String[][] UNLISTED = {
        {"omeprazole", "OTHER"}, {"metformin", "OTHER"}, {"paracetamol", "OTHER"},
        {"bisoprolol", "OTHER"}, {"nicardipine", "CALCIUM_CHANNEL_BLOCKER"},
        {"hydroquinine", "QUININE"}, {"pitavastatin", "STATIN"}, {"dalteparin", "ANTICOAGULANT"},
        {"magnesium hydroxide", "MAGNESIUM_SUPPLEMENT"}, {"lithium citrate", "LITHIUM"},
        {"olmesartan", "ANGIOTENSIN_RECEPTOR_BLOCKER"}, {"captopril", "ACE_INHIBITOR"},
        {"xipamide", "THIAZIDE_DIURETIC"}, {"ethacrynic acid", "LOOP_DIURETIC"},
        {"canrenone", "POTASSIUM_SPARING_DIURETIC"},
        {"ethinylestradiol/norethisterone", "ORAL_CONTRACEPTIVE"}, {"estriol", "ESTROGEN_HRT"},
        {"bazedoxifene", "RALOXIFENE"}, {"abaloparatide", "TERIPARATIDE"},
        {"potassium bicarbonate", "POTASSIUM_SUPPLEMENT"}, {"indacaterol", "BETA2_AGONIST"},
    };

    /** Accepted unit spellings per test (§2.6 step 1: case, spaces, µ/μ, ²). */
    private static final Map<String, String[][]> UNIT_SPELLINGS = Map.of(
            "POTASSIUM", new String[][] {{"mmol/L", "mmol/l", "MMOL/L", "mmol / L"}, {"mEq/L", "meq/l", "MEQ/L"}},
            "SODIUM", new String[][] {{"mmol/L", "mmol/l", " mmol/L "}, {"mEq/L", "meq/L"}},
            "MAGNESIUM", new String[][] {{"mmol/L", "MMOL/L"}, {"mg/dL", "mg/dl", "MG/DL"}, {"mEq/L", "meq/l"}},
            "ADJUSTED_CALCIUM", new String[][] {{"mmol/L", "mmol/l"}, {"mg/dL", "mg / dL"}, {"mEq/L", "MEQ/L"}},
            "GLUCOSE", new String[][] {{"mmol/L", "mmol/l"}, {"mg/dL", "mg/dl"}},
            "HBA1C", new String[][] {{"mmol/mol", "MMOL/MOL"}, {"%", " % "}},
            "CK", new String[][] {{"U/L", "u/l"}, {"IU/L", "iu/L"}},
            "EGFR", new String[][] {{"mL/min/1.73m2", "ml/min/1.73 m\u00B2", "mL/min/1.73 m2", "ML/MIN/1.73M2"}},
            "TSH", new String[][] {{"mU/L", "mu/l"}, {"mIU/L", "miu/l"}, {"\u00B5IU/mL", "\u03BCIU/mL"}, {"uIU/mL", "UIU/ML"}},
            "HAEMOGLOBIN", new String[][] {{"g/L", "g/l"}, {"g/dL", "G/DL"}});

    /** Decision thresholds in canonical units (CK and TSH are multiples of their ULN). */
    private static final Map<String, String[]> THRESHOLDS = Map.of(
            "POTASSIUM", new String[] {"2.5", "3.0", "3.5", "5.5", "6.0", "6.5"},
            "SODIUM", new String[] {"125", "130", "135", "150"},
            "MAGNESIUM", new String[] {"0.50", "0.70", "2.00"},
            "ADJUSTED_CALCIUM", new String[] {"1.90", "2.20", "3.00", "3.50"},
            "GLUCOSE", new String[] {"3.0", "3.9", "11.1"},
            "HBA1C", new String[] {"48"},
            "CK", new String[] {"5", "25"},
            "EGFR", new String[] {"15", "30", "60"},
            "TSH", new String[] {"1"},
            "HAEMOGLOBIN", new String[] {"70", "110", "120", "130"});

    private static final Map<String, String> NORMAL = Map.of("POTASSIUM", "4.2", "SODIUM", "140",
            "MAGNESIUM", "0.85", "ADJUSTED_CALCIUM", "2.40", "GLUCOSE", "5.5", "HBA1C", "38",
            "CK", "100", "EGFR", "85", "TSH", "2.00", "HAEMOGLOBIN", "140");

    private static final String[] CK_ULNS = {"170", "240", "227.5", "400", "135"};
    private static final String[] TSH_ULNS = {"4.5", "5.5", "3.8", "4.0", "5"};

    /** Symptom groups that together reach multi-criterion triggers. */
    private static final String[][] THEMES = {
        {"CALF_TENDERNESS"}, {"LEG_REDNESS", "LEG_WARMTH"}, {"CALF_SWELLING_UNILATERAL"},
        {"SHORTNESS_OF_BREATH"}, {"CHEST_PAIN"}, {"LOW_BACK_PAIN", "NUMBNESS"},
        {"LOW_BACK_PAIN", "RADIATING_LEG_PAIN"}, {"LOW_BACK_PAIN", "MUSCLE_WEAKNESS"},
        {"DARK_URINE", "DIFFUSE_MUSCLE_PAIN"}, {"DARK_URINE"}, {"FASCICULATIONS", "MUSCLE_WEAKNESS"},
        {"BLADDER_OR_BOWEL_DYSFUNCTION", "LOW_BACK_PAIN"}, {"VOMITING"}, {"DIARRHOEA"},
        {"HEAVY_SWEATING"}, {"TINGLING"}, {"BURNING_FEET"}, {"MUSCLE_WEAKNESS"},
        {"PAIN_ON_WALKING_RELIEVED_BY_REST"}, {"URGE_TO_MOVE_LEGS_AT_REST"},
    };

    /** Generates one valid case document. */
    public static ObjectNode generate(Random random) {
        return new Gen(random).build();
    }

    /** The generated case as JSON text (exact decimals, plain notation). */
    public static String generateString(Random random) {
        try {
            return ReferenceEvaluator.MAPPER.writeValueAsString(generate(random));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Gen {
        final Random r;
        final ObjectNode root = ReferenceEvaluator.MAPPER.createObjectNode();
        final Set<String> notRecorded = new LinkedHashSet<>();
        final Set<String> crampsListed = new LinkedHashSet<>();
        final Set<String> historyListed = new LinkedHashSet<>();
        boolean crampsStar;
        boolean historyStar;
        boolean pregnancyListed;
        BigDecimal weeksSinceOnset;

        Gen(Random r) {
            this.r = r;
        }

        ObjectNode build() {
            root.put("id", "RND-" + Long.toHexString(r.nextLong()));
            if (r.nextInt(10) == 0) {
                root.put("description", "generated case");
            }
            boolean partial = r.nextBoolean();
            List<String> symptoms = symptoms();
            if (partial) {
                planNotRecorded(symptoms);
            }
            root.set("patient", patient());
            if (crampsStar || crampsListed.size() == Catalogue.CRAMPS_FIELDS.size()) {
                int mode = r.nextInt(5);
                if (mode == 0) {
                    root.set("cramps", NullNode.getInstance());
                } else if (mode <= 2) {
                    root.set("cramps", cramps()); // an object with every field null or absent
                } // else: omitted entirely
            } else {
                root.set("cramps", cramps());
            }
            putArray("symptoms", symptoms);
            putArray("conditions", conditions());
            medications();
            labs();
            if (historyStar || historyListed.size() == Catalogue.HISTORY_FIELDS.size()) {
                int mode = r.nextInt(5);
                if (mode == 0) {
                    root.set("history", NullNode.getInstance());
                } else if (mode <= 2) {
                    root.set("history", history());
                }
            } else {
                root.set("history", history());
            }
            if (!notRecorded.isEmpty()) {
                List<String> entries = new ArrayList<>(notRecorded);
                if (r.nextInt(10) == 0) {
                    entries.add(entries.get(r.nextInt(entries.size()))); // duplicates are allowed
                }
                Collections.shuffle(entries, r);
                ArrayNode a = root.putArray("notRecorded");
                entries.forEach(a::add);
            }
            return root;
        }

        // -------------------------------------------------------------- §11 plan

        void planNotRecorded(List<String> symptoms) {
            if (r.nextInt(10) < 3) {
                // EHR-style: nothing of the questionnaire recorded
                notRecorded.add("cramps.*");
                notRecorded.add("history.*");
                notRecorded.add("symptoms.*");
                crampsStar = true;
                historyStar = true;
                if (r.nextInt(10) < 3) {
                    pregnancyListed = true;
                }
            } else {
                int c = r.nextInt(100);
                if (c < 12) {
                    notRecorded.add("cramps.*");
                    crampsStar = true;
                } else {
                    for (String f : Catalogue.CRAMPS_FIELDS) {
                        if (r.nextInt(100) < 12) {
                            crampsListed.add(f);
                            notRecorded.add("cramps." + f);
                        }
                    }
                }
                int h = r.nextInt(100);
                if (h < 12) {
                    notRecorded.add("history.*");
                    historyStar = true;
                } else {
                    for (String f : Catalogue.HISTORY_FIELDS) {
                        if (r.nextInt(100) < 10) {
                            historyListed.add(f);
                            notRecorded.add("history." + f);
                        }
                    }
                }
                int s = r.nextInt(100);
                if (s < 20) {
                    notRecorded.add("symptoms.*");
                } else if (s < 60) {
                    int n = 1 + r.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        String code = Catalogue.SYMPTOMS.get(r.nextInt(Catalogue.SYMPTOMS.size()));
                        if (!symptoms.contains(code)) {
                            notRecorded.add("symptoms." + code);
                        }
                    }
                }
                if (r.nextInt(100) < 15) {
                    pregnancyListed = true;
                }
            }
            if (pregnancyListed) {
                notRecorded.add("patient.pregnancyWeeks");
                notRecorded.add("patient.postpartumWeeks");
            }
            if (notRecorded.isEmpty()) {
                String f = Catalogue.CRAMPS_FIELDS.get(r.nextInt(Catalogue.CRAMPS_FIELDS.size()));
                crampsListed.add(f);
                notRecorded.add("cramps." + f);
            }
        }

        boolean crampsNotRecorded(String field) {
            return crampsStar || crampsListed.contains(field);
        }

        boolean historyNotRecorded(String field) {
            return historyStar || historyListed.contains(field);
        }

        /** A listed field is null or absent. */
        void putNotRecorded(ObjectNode o, String field) {
            if (r.nextBoolean()) {
                o.set(field, NullNode.getInstance());
            }
        }

        // -------------------------------------------------------------- patient

        ObjectNode patient() {
            ObjectNode p = ReferenceEvaluator.MAPPER.createObjectNode();
            int a = r.nextInt(4);
            int[] ages = {18, 59, 60, 61, 120};
            p.put("ageYears", a == 0 ? ages[r.nextInt(ages.length)] : 18 + r.nextInt(103));
            p.put("sex", SEXES.get(r.nextInt(SEXES.size())));
            if (pregnancyListed) {
                putNotRecorded(p, "pregnancyWeeks");
                putNotRecorded(p, "postpartumWeeks");
                return p; // pregnant must be absent
            }
            int state = r.nextInt(100);
            if (state < 12) {
                int[] w = {1, 42, 20, 12, 28};
                p.put("pregnancyWeeks", r.nextBoolean() ? w[r.nextInt(w.length)] : 1 + r.nextInt(42));
                maybeNull(p, "postpartumWeeks");
                if (r.nextInt(10) < 4) {
                    p.put("pregnant", true);
                }
            } else if (state < 24) {
                maybeNull(p, "pregnancyWeeks");
                int[] w = {0, 6, 7, 52, 3};
                p.put("postpartumWeeks", r.nextBoolean() ? w[r.nextInt(w.length)] : r.nextInt(53));
                if (r.nextInt(10) < 4) {
                    p.put("pregnant", false);
                }
            } else if (state < 32) {
                maybeNull(p, "pregnancyWeeks");
                maybeNull(p, "postpartumWeeks");
                p.put("pregnant", true); // pregnant, gestational age unknown
            } else if (state < 38) {
                maybeNull(p, "pregnancyWeeks");
                maybeNull(p, "postpartumWeeks");
                p.put("pregnant", false);
            } else {
                maybeNull(p, "pregnancyWeeks");
                maybeNull(p, "postpartumWeeks");
            }
            return p;
        }

        void maybeNull(ObjectNode o, String field) {
            if (r.nextInt(3) > 0) {
                o.set(field, NullNode.getInstance());
            }
        }

        // -------------------------------------------------------------- cramps, history

        ObjectNode cramps() {
            ObjectNode c = ReferenceEvaluator.MAPPER.createObjectNode();
            if (crampsNotRecorded("nightsPerWeek")) {
                putNotRecorded(c, "nightsPerWeek");
            } else {
                int[] n = {2, 3, 7, 0, 1};
                c.put("nightsPerWeek", r.nextBoolean() ? n[r.nextInt(n.length)] : r.nextInt(8));
            }
            if (crampsNotRecorded("durationMinutes")) {
                putNotRecorded(c, "durationMinutes");
            } else {
                c.set("durationMinutes", pickDecimal(new String[] {"10", "10.01", "9.99", "11", "240",
                    "0.5", "1", "2", "3", "5", "10.0"}, "0.1", "240", 2));
            }
            if (crampsNotRecorded("sites")) {
                putNotRecorded(c, "sites");
            } else {
                ArrayNode s = c.putArray("sites");
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    s.add(SITES.get(r.nextInt(SITES.size()))); // duplicates allowed
                }
            }
            if (crampsNotRecorded("side")) {
                putNotRecorded(c, "side");
            } else {
                c.put("side", SIDES.get(r.nextInt(SIDES.size())));
            }
            if (crampsNotRecorded("weeksSinceOnset")) {
                putNotRecorded(c, "weeksSinceOnset");
            } else {
                weeksSinceOnset = decimal(new String[] {"4", "3.99", "4.01", "3", "0", "5200", "0.5",
                    "2", "6", "12", "4.5"}, "0", "60", 2);
                c.set("weeksSinceOnset", num(weeksSinceOnset));
            }
            return c;
        }

        ObjectNode history() {
            ObjectNode h = ReferenceEvaluator.MAPPER.createObjectNode();
            decimalField(h, "longTravelHoursLast14Days",
                    new String[] {"0", "4", "3.99", "3.9", "4.5", "12", "336", "0"}, "0", "336");
            boolField(h, "immobilisedLast28Days", 12);
            boolField(h, "majorSurgeryLast84Days", 10);
            boolField(h, "strenuousExerciseLast48Hours", 20);
            decimalField(h, "sittingOrStandingHoursPerDay",
                    new String[] {"8", "7.99", "7.9", "10", "4", "24", "0", "8.0"}, "0", "24");
            decimalField(h, "fluidIntakeLitresPerDay",
                    new String[] {"1.2", "1.19", "1.21", "0.8", "1.5", "2.0", "0", "15", "1.20"}, "0", "15");
            decimalField(h, "alcoholUnitsPerWeek",
                    new String[] {"14", "14.01", "15", "0", "2", "30", "500", "13.9"}, "0", "500");
            boolField(h, "smoker", 25);
            boolField(h, "sleepsWithToesPointedOrProne", 30);
            return h;
        }

        void decimalField(ObjectNode h, String field, String[] picks, String min, String max) {
            if (historyNotRecorded(field)) {
                putNotRecorded(h, field);
            } else {
                h.set(field, pickDecimal(picks, min, max, 1));
            }
        }

        void boolField(ObjectNode h, String field, int percentTrue) {
            if (historyNotRecorded(field)) {
                putNotRecorded(h, field);
            } else {
                h.set(field, BooleanNode.valueOf(r.nextInt(100) < percentTrue));
            }
        }

        JsonNode pickDecimal(String[] picks, String min, String max, int maxScale) {
            return num(decimal(picks, min, max, maxScale));
        }

        /** Mostly a biased pick; otherwise a uniform value in [min, max] with 0..maxScale decimals. */
        BigDecimal decimal(String[] picks, String min, String max, int maxScale) {
            if (r.nextInt(10) < 7) {
                return new BigDecimal(picks[r.nextInt(picks.length)]);
            }
            BigDecimal lo = new BigDecimal(min);
            BigDecimal hi = new BigDecimal(max);
            int scale = r.nextInt(maxScale + 1);
            BigDecimal span = hi.subtract(lo).movePointRight(scale);
            long steps = span.longValue();
            BigDecimal v = lo.add(BigDecimal.valueOf((long) (r.nextDouble() * (steps + 1))).movePointLeft(scale));
            if (v.compareTo(hi) > 0) {
                v = hi;
            }
            if (v.signum() == 0 && "0.1".equals(min)) {
                v = lo;
            }
            if (v.compareTo(lo) < 0) {
                v = lo;
            }
            return v;
        }

        // -------------------------------------------------------------- coded lists

        List<String> symptoms() {
            double[] densities = {0.0, 0.02, 0.05, 0.10, 0.20};
            double p = densities[r.nextInt(densities.length)];
            List<String> out = new ArrayList<>();
            for (String s : Catalogue.SYMPTOMS) {
                if (r.nextDouble() < p) {
                    out.add(s);
                }
            }
            if (r.nextInt(10) < 4) {
                for (String s : THEMES[r.nextInt(THEMES.length)]) {
                    if (!out.contains(s)) {
                        out.add(s);
                    }
                }
            }
            if (!out.isEmpty() && r.nextInt(10) == 0) {
                out.add(out.get(r.nextInt(out.size()))); // duplicates are de-duplicated
            }
            Collections.shuffle(out, r);
            return out;
        }

        List<String> conditions() {
            double[] densities = {0.0, 0.02, 0.05, 0.10};
            double p = densities[r.nextInt(densities.length)];
            List<String> out = new ArrayList<>();
            for (String c : Catalogue.CONDITIONS) {
                if (r.nextDouble() < p) {
                    out.add(c);
                }
            }
            if (!out.isEmpty() && r.nextInt(10) == 0) {
                out.add(out.get(r.nextInt(out.size())));
            }
            Collections.shuffle(out, r);
            return out;
        }

        void putArray(String key, List<String> values) {
            if (values.isEmpty() && r.nextInt(4) == 0) {
                return; // absent means empty
            }
            ArrayNode a = root.putArray(key);
            values.forEach(a::add);
        }

        // -------------------------------------------------------------- medications

        void medications() {
            int[] counts = {0, 0, 0, 1, 1, 1, 2, 2, 3, 4};
            int n = counts[r.nextInt(counts.length)];
            if (n == 0 && r.nextInt(4) == 0) {
                return;
            }
            ArrayNode meds = root.putArray("medications");
            for (int i = 0; i < n; i++) {
                ObjectNode m = meds.addObject();
                String name;
                String cls;
                if (r.nextInt(4) > 0) {
                    name = GENERIC.get(r.nextInt(GENERIC.size()));
                    cls = Catalogue.GENERIC_NAMES.get(name);
                    int v = r.nextInt(10);
                    if (v == 0) {
                        name = name.toUpperCase(java.util.Locale.ROOT);
                    } else if (v == 1) {
                        name = "  " + Character.toUpperCase(name.charAt(0)) + name.substring(1) + " ";
                    }
                } else {
                    String[] u = UNLISTED[r.nextInt(UNLISTED.length)];
                    name = u[0];
                    cls = r.nextInt(8) == 0
                            ? Catalogue.DRUG_CLASSES.get(r.nextInt(Catalogue.DRUG_CLASSES.size())) : u[1];
                }
                m.put("name", name);
                m.put("drugClass", cls);
                int s = r.nextInt(10);
                if (s == 0) {
                    // startedDaysAgo absent means null
                } else if (s == 1) {
                    m.set("startedDaysAgo", NullNode.getInstance());
                } else {
                    m.put("startedDaysAgo", startedDaysAgo());
                }
            }
        }

        int startedDaysAgo() {
            if (weeksSinceOnset != null && r.nextBoolean()) {
                BigDecimal onset = weeksSinceOnset.multiply(BigDecimal.valueOf(7));
                BigDecimal end = onset.add(BigDecimal.valueOf(90));
                int[] c = {
                    onset.setScale(0, RoundingMode.FLOOR).intValue() - 1,
                    onset.setScale(0, RoundingMode.FLOOR).intValue(),
                    onset.setScale(0, RoundingMode.CEILING).intValue(),
                    onset.setScale(0, RoundingMode.CEILING).intValue() + 1,
                    end.setScale(0, RoundingMode.FLOOR).intValue(),
                    end.setScale(0, RoundingMode.FLOOR).intValue() + 1,
                    onset.add(BigDecimal.valueOf(45)).intValue(),
                };
                int v = c[r.nextInt(c.length)];
                return Math.max(0, Math.min(36500, v));
            }
            return r.nextInt(4) == 0 ? r.nextInt(36501) : r.nextInt(400);
        }

        // -------------------------------------------------------------- labs

        void labs() {
            int[] percent = {0, 10, 30, 50, 70};
            int p = percent[r.nextInt(percent.length)];
            List<ObjectNode> labs = new ArrayList<>();
            for (String test : Catalogue.LAB_TESTS) {
                if (r.nextInt(100) < p) {
                    labs.add(lab(test));
                }
            }
            if (labs.isEmpty() && r.nextInt(4) == 0) {
                return;
            }
            Collections.shuffle(labs, r);
            ArrayNode a = root.putArray("labs");
            labs.forEach(a::add);
        }

        ObjectNode lab(String test) {
            ObjectNode l = ReferenceEvaluator.MAPPER.createObjectNode();
            l.put("test", test);
            BigDecimal uln = null;
            if ((test.equals("CK") || test.equals("TSH")) && r.nextInt(10) < 3) {
                String[] ulns = test.equals("CK") ? CK_ULNS : TSH_ULNS;
                uln = new BigDecimal(ulns[r.nextInt(ulns.length)]);
            }
            BigDecimal effectiveUln = uln != null ? uln
                    : test.equals("CK") ? new BigDecimal("200") : test.equals("TSH") ? new BigDecimal("4.0") : null;
            String[][] spellings = UNIT_SPELLINGS.get(test);
            for (int attempt = 0; attempt < 20; attempt++) {
                BigDecimal target = target(test, effectiveUln);
                String[] unitGroup = spellings[r.nextInt(spellings.length)];
                String unit = r.nextInt(10) < 7 ? unitGroup[0] : unitGroup[r.nextInt(unitGroup.length)];
                BigDecimal raw = raw(test, target, unit);
                if (raw == null || raw.signum() < 0) {
                    continue;
                }
                BigDecimal canonical = Catalogue.toCanonical(test, raw, unit);
                if (!Catalogue.plausible(test, canonical)) {
                    continue;
                }
                l.set("value", num(raw));
                l.put("unit", unit);
                break;
            }
            if (!l.has("value")) {
                l.set("value", num(new BigDecimal(NORMAL.get(test))));
                l.put("unit", spellings[0][0]);
            }
            if (uln != null) {
                l.set("upperLimitOfNormal", num(uln));
            }
            if (r.nextBoolean()) {
                int w = Catalogue.windowDays(test);
                int d;
                if (r.nextInt(10) < 6) {
                    d = w - 1 + r.nextInt(3); // window-1, window, window+1
                } else if (r.nextBoolean()) {
                    d = r.nextInt(36501);
                } else {
                    d = r.nextInt(2 * w + 1);
                }
                if (r.nextInt(20) == 0) {
                    l.set("daysSinceTaken", NullNode.getInstance());
                } else {
                    l.put("daysSinceTaken", d);
                }
            }
            return l;
        }

        /** A canonical value near a decision threshold (or a normal value). */
        BigDecimal target(String test, BigDecimal uln) {
            int scale = Catalogue.scale(test);
            BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
            if (r.nextInt(10) < 2) {
                BigDecimal n = new BigDecimal(NORMAL.get(test));
                return n.add(step.multiply(BigDecimal.valueOf(r.nextInt(41) - 20))).setScale(scale, RoundingMode.HALF_UP);
            }
            if (r.nextInt(20) == 0) {
                // anywhere in the plausible range
                BigDecimal lo = Catalogue.plausibleMin(test);
                BigDecimal hi = Catalogue.plausibleMax(test);
                BigDecimal v = lo.add(hi.subtract(lo).multiply(BigDecimal.valueOf(r.nextDouble())));
                return v.setScale(scale, RoundingMode.HALF_UP);
            }
            String[] ts = THRESHOLDS.get(test);
            BigDecimal t = new BigDecimal(ts[r.nextInt(ts.length)]);
            if (uln != null) {
                t = t.multiply(uln);
            }
            int k;
            int x = r.nextInt(10);
            if (x < 4) {
                k = 0;
            } else if (x < 6) {
                k = -1;
            } else if (x < 8) {
                k = 1;
            } else {
                k = r.nextInt(21) - 10;
            }
            BigDecimal base = t.setScale(scale, k < 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
            if (k < 0 && base.compareTo(t) == 0) {
                // on a grid threshold, -1 is one step below
                return base.add(step.multiply(BigDecimal.valueOf(k)));
            }
            if (k < 0) {
                return base.add(step.multiply(BigDecimal.valueOf(k + 1)));
            }
            return base.add(step.multiply(BigDecimal.valueOf(k)));
        }

        /** A value as written in {@code unit} whose conversion lands on or near {@code target}. */
        BigDecimal raw(String test, BigDecimal target, String unit) {
            String u = Catalogue.normaliseUnit(unit);
            int scale = Catalogue.scale(test);
            BigDecimal halfStep = BigDecimal.ONE.movePointLeft(scale).divide(BigDecimal.valueOf(2));
            BigDecimal raw;
            if (test.equals("HBA1C") && u.equals("%")) {
                raw = target.divide(new BigDecimal("10.929"), java.math.MathContext.DECIMAL64)
                        .add(new BigDecimal("2.15")).setScale(1 + r.nextInt(3), RoundingMode.HALF_UP);
                return raw;
            }
            if (u.equals("mg/dl")) {
                BigDecimal f = test.equals("MAGNESIUM") ? new BigDecimal("2.4305")
                        : test.equals("ADJUSTED_CALCIUM") ? new BigDecimal("4.008") : new BigDecimal("18.016");
                raw = target.multiply(f);
                int rs = r.nextInt(4);
                if (rs < 3) {
                    raw = raw.setScale(rs + (test.equals("GLUCOSE") ? 0 : 1), RoundingMode.HALF_UP);
                }
                return raw;
            }
            BigDecimal factor = BigDecimal.ONE;
            if (u.equals("meq/l") && (test.equals("MAGNESIUM") || test.equals("ADJUSTED_CALCIUM"))) {
                factor = new BigDecimal("2");
            } else if (u.equals("g/dl")) {
                raw = target.movePointLeft(1);
                if (r.nextInt(4) == 0) {
                    raw = raw.subtract(new BigDecimal("0.05")); // x.x5 g/dL rounds half-up
                }
                return raw;
            }
            raw = target.multiply(factor);
            int p = r.nextInt(10);
            if (p == 0) {
                raw = raw.subtract(halfStep.multiply(factor)); // rounds half-up onto the target
            } else if (p == 1) {
                raw = raw.add(halfStep.multiply(factor)).subtract(BigDecimal.ONE.movePointLeft(scale + 3));
            } else if (p == 2) {
                raw = raw.add(halfStep.multiply(factor)); // rounds half-up to the next step
            }
            return raw;
        }

        static JsonNode num(BigDecimal v) {
            if (v.scale() <= 0) {
                try {
                    return IntNode.valueOf(v.intValueExact());
                } catch (ArithmeticException e) {
                    return DecimalNode.valueOf(v.setScale(0));
                }
            }
            return DecimalNode.valueOf(v);
        }
    }
}
