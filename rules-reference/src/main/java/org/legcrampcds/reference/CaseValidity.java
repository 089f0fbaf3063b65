package org.legcrampcds.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks the catalogue §2.7 / §11.1 / §12 constraints on a case document (test helper). */
final class CaseValidity {

    private CaseValidity() {
    }

    private static final Set<String> TOP = Set.of("id", "description", "expect", "patient", "cramps",
            "history", "symptoms", "conditions", "medications", "labs", "notRecorded");
    private static final Set<String> PATIENT = Set.of("ageYears", "sex", "pregnancyWeeks",
            "postpartumWeeks", "pregnant");
    private static final Set<String> SEXES = Set.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    private static final Set<String> SITES = Set.of("CALF", "FOOT", "THIGH");
    private static final Set<String> SIDES = Set.of("LEFT", "RIGHT", "BOTH");

    static List<String> violations(JsonNode c) {
        List<String> v = new ArrayList<>();
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP.contains(k)) {
                v.add(k + ": unknown field");
            }
        }
        if (c.has("id") && !c.get("id").isTextual()) {
            v.add("id: wrong type");
        }

        // notRecorded
        Set<String> nr = new HashSet<>();
        JsonNode nrNode = c.get("notRecorded");
        if (nrNode != null) {
            if (!nrNode.isArray()) {
                v.add("notRecorded: wrong type");
            } else {
                for (JsonNode e : nrNode) {
                    String s = e.textValue();
                    if (s == null || !validEntry(s)) {
                        v.add("notRecorded: unknown input " + e);
                    } else {
                        nr.add(s);
                    }
                }
            }
        }
        boolean pw = nr.contains("patient.pregnancyWeeks");
        boolean pp = nr.contains("patient.postpartumWeeks");
        if (pw != pp) {
            v.add("notRecorded: pregnancy and postpartum status go together");
        }

        // patient
        JsonNode p = c.get("patient");
        if (p == null || !p.isObject()) {
            v.add("patient: missing object");
        } else {
            unknownKeys(p, PATIENT, "patient", v);
            JsonNode age = p.get("ageYears");
            if (age == null || !age.isInt() || age.intValue() < 18 || age.intValue() > 120) {
                v.add("patient.ageYears: out of range");
            }
            JsonNode sex = p.get("sex");
            if (sex == null || !SEXES.contains(sex.textValue())) {
                v.add("patient.sex: unknown");
            }
            JsonNode weeks = given(p.get("pregnancyWeeks"));
            JsonNode post = given(p.get("postpartumWeeks"));
            JsonNode preg = given(p.get("pregnant"));
            if (weeks != null && (!weeks.isInt() || weeks.intValue() < 1 || weeks.intValue() > 42)) {
                v.add("patient.pregnancyWeeks: out of range");
            }
            if (post != null && (!post.isInt() || post.intValue() < 0 || post.intValue() > 52)) {
                v.add("patient.postpartumWeeks: out of range");
            }
            if (weeks != null && post != null) {
                v.add("patient: contradictory pregnancy state (both set)");
            }
            if (preg != null && !preg.isBoolean()) {
                v.add("patient.pregnant: wrong type");
            }
            if (preg != null && preg.isBoolean()) {
                if (!preg.booleanValue() && weeks != null) {
                    v.add("patient: contradictory pregnancy state (pregnant false with weeks)");
                }
                if (preg.booleanValue() && post != null) {
                    v.add("patient: contradictory pregnancy state (pregnant true with postpartum)");
                }
            }
            if (pw && (weeks != null || post != null || p.has("pregnant"))) {
                v.add("patient: pregnancy listed as not recorded but has a value");
            }
        }

        // cramps
        JsonNode cr = given(c.get("cramps"));
        boolean crampsAll = nr.contains("cramps.*");
        if (cr == null) {
            for (String f : Catalogue.CRAMPS_FIELDS) {
                if (!crampsAll && !nr.contains("cramps." + f)) {
                    v.add("cramps: missing object");
                    break;
                }
            }
        } else if (!cr.isObject()) {
            v.add("cramps: wrong type");
        } else {
            unknownKeys(cr, Set.copyOf(Catalogue.CRAMPS_FIELDS), "cramps", v);
            for (String f : Catalogue.CRAMPS_FIELDS) {
                JsonNode x = given(cr.get(f));
                boolean listed = crampsAll || nr.contains("cramps." + f);
                if (listed) {
                    if (x != null) {
                        v.add("cramps." + f + ": listed as not recorded but has a value");
                    }
                    continue;
                }
                if (x == null) {
                    v.add("cramps." + f + ": missing field");
                    continue;
                }
                switch (f) {
                    case "nightsPerWeek" -> {
                        if (!x.isInt() || x.intValue() < 0 || x.intValue() > 7) {
                            v.add("cramps.nightsPerWeek: out of range");
                        }
                    }
                    case "durationMinutes" -> range(x, "0", false, "240", "cramps.durationMinutes", v);
                    case "weeksSinceOnset" -> range(x, "0", true, "5200", "cramps.weeksSinceOnset", v);
                    case "sites" -> {
                        if (!x.isArray() || x.size() == 0) {
                            v.add("cramps.sites: wrong type or empty");
                        } else {
                            for (JsonNode s : x) {
                                if (!SITES.contains(s.textValue())) {
                                    v.add("cramps.sites: unknown " + s);
                                }
                            }
                        }
                    }
                    case "side" -> {
                        if (!SIDES.contains(x.textValue())) {
                            v.add("cramps.side: unknown");
                        }
                    }
                    default -> v.add("cramps." + f + ": ?");
                }
            }
        }

        // history
        JsonNode h = given(c.get("history"));
        boolean historyAll = nr.contains("history.*");
        if (h == null) {
            for (String f : Catalogue.HISTORY_FIELDS) {
                if (!historyAll && !nr.contains("history." + f)) {
                    v.add("history: missing object");
                    break;
                }
            }
        } else if (!h.isObject()) {
            v.add("history: wrong type");
        } else {
            unknownKeys(h, Set.copyOf(Catalogue.HISTORY_FIELDS), "history", v);
            for (String f : Catalogue.HISTORY_FIELDS) {
                JsonNode x = given(h.get(f));
                boolean listed = historyAll || nr.contains("history." + f);
                if (listed) {
                    if (x != null) {
                        v.add("history." + f + ": listed as not recorded but has a value");
                    }
                    continue;
                }
                if (x == null) {
                    v.add("history." + f + ": missing field");
                    continue;
                }
                switch (f) {
                    case "longTravelHoursLast14Days" -> range(x, "0", true, "336", "history." + f, v);
                    case "sittingOrStandingHoursPerDay" -> range(x, "0", true, "24", "history." + f, v);
                    case "fluidIntakeLitresPerDay" -> range(x, "0", true, "15", "history." + f, v);
                    case "alcoholUnitsPerWeek" -> range(x, "0", true, "500", "history." + f, v);
                    default -> {
                        if (!x.isBoolean()) {
                            v.add("history." + f + ": wrong type");
                        }
                    }
                }
            }
        }

        // symptoms, conditions
        Set<String> symptoms = new HashSet<>();
        codes(c.get("symptoms"), Set.copyOf(Catalogue.SYMPTOMS), "symptoms", v, symptoms);
        codes(c.get("conditions"), Set.copyOf(Catalogue.CONDITIONS), "conditions", v, new HashSet<>());
        for (String e : nr) {
            if (e.startsWith("symptoms.") && !e.equals("symptoms.*") && symptoms.contains(e.substring(9))) {
                v.add("symptoms: " + e.substring(9) + " listed as not recorded but present");
            }
        }

        // medications
        JsonNode meds = c.get("medications");
        if (meds != null) {
            if (!meds.isArray()) {
                v.add("medications: wrong type");
            } else {
                int i = 0;
                for (JsonNode m : meds) {
                    String path = "medications[" + i++ + "]";
                    unknownKeys(m, Set.of("name", "drugClass", "startedDaysAgo"), path, v);
                    JsonNode name = m.get("name");
                    if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                        v.add(path + ".name: missing field");
                        continue;
                    }
                    String cls = m.path("drugClass").textValue();
                    if (!Catalogue.DRUG_CLASSES.contains(cls)) {
                        v.add(path + ".drugClass: unknown");
                    }
                    String listed = Catalogue.GENERIC_NAMES.get(name.textValue().trim().toLowerCase(Locale.ROOT));
                    if (listed != null && !listed.equals(cls)) {
                        v.add(path + ".drugClass: must be " + listed);
                    }
                    JsonNode sd = given(m.get("startedDaysAgo"));
                    if (sd != null && (!sd.isInt() || sd.intValue() < 0 || sd.intValue() > 36500)) {
                        v.add(path + ".startedDaysAgo: out of range");
                    }
                }
            }
        }

        // labs
        JsonNode labs = c.get("labs");
        if (labs != null) {
            if (!labs.isArray()) {
                v.add("labs: wrong type");
            } else {
                Set<String> seen = new HashSet<>();
                int i = 0;
                for (JsonNode l : labs) {
                    String path = "labs[" + i++ + "]";
                    unknownKeys(l, Set.of("test", "value", "unit", "upperLimitOfNormal", "daysSinceTaken"), path, v);
                    String test = l.path("test").textValue();
                    if (!Catalogue.LAB_TESTS.contains(test)) {
                        v.add(path + ".test: unknown lab test");
                        continue;
                    }
                    if (!seen.add(test)) {
                        v.add(path + ".test: duplicate lab test");
                    }
                    JsonNode value = l.get("value");
                    String unit = l.path("unit").textValue();
                    if (value == null || !value.isNumber() || unit == null) {
                        v.add(path + ": missing field");
                        continue;
                    }
                    if (!Catalogue.acceptsUnit(test, unit)) {
                        v.add(path + ".unit: unsupported unit");
                        continue;
                    }
                    if (!Catalogue.plausible(test, Catalogue.toCanonical(test, value.decimalValue(), unit))) {
                        v.add(path + ".value: implausible value");
                    }
                    JsonNode uln = given(l.get("upperLimitOfNormal"));
                    if (uln != null) {
                        if (!test.equals("CK") && !test.equals("TSH")) {
                            v.add(path + ": upperLimitOfNormal not allowed");
                        } else if (!uln.isNumber() || uln.decimalValue().signum() <= 0) {
                            v.add(path + ".upperLimitOfNormal: out of range");
                        }
                    }
                    JsonNode d = given(l.get("daysSinceTaken"));
                    if (d != null && (!d.isInt() || d.intValue() < 0 || d.intValue() > 36500)) {
                        v.add(path + ".daysSinceTaken: out of range");
                    }
                }
            }
        }
        return v;
    }

    private static boolean validEntry(String s) {
        if (s.equals("cramps.*") || s.equals("history.*") || s.equals("symptoms.*")
                || s.equals("patient.pregnancyWeeks") || s.equals("patient.postpartumWeeks")) {
            return true;
        }
        if (s.startsWith("cramps.")) {
            return Catalogue.CRAMPS_FIELDS.contains(s.substring(7));
        }
        if (s.startsWith("history.")) {
            return Catalogue.HISTORY_FIELDS.contains(s.substring(8));
        }
        if (s.startsWith("symptoms.")) {
            return Catalogue.SYMPTOMS.contains(s.substring(9));
        }
        return false;
    }

    private static JsonNode given(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    private static void unknownKeys(JsonNode o, Set<String> allowed, String path, List<String> v) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                v.add(path + "." + k + ": unknown field");
            }
        }
    }

    private static void range(JsonNode x, String min, boolean minInclusive, String max, String path, List<String> v) {
        if (!x.isNumber()) {
            v.add(path + ": wrong type");
            return;
        }
        BigDecimal d = x.decimalValue();
        int lo = d.compareTo(new BigDecimal(min));
        if (lo < 0 || (lo == 0 && !minInclusive) || d.compareTo(new BigDecimal(max)) > 0) {
            v.add(path + ": out of range " + d);
        }
    }

    private static void codes(JsonNode a, Set<String> allowed, String key, List<String> v, Set<String> out) {
        if (a == null) {
            return;
        }
        if (!a.isArray()) {
            v.add(key + ": wrong type");
            return;
        }
        int i = 0;
        for (JsonNode s : a) {
            if (!s.isTextual() || !allowed.contains(s.textValue())) {
                v.add(key + "[" + i + "]: unknown code " + s);
            } else {
                out.add(s.textValue());
            }
            i++;
        }
    }
}
