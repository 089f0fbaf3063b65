package org.legcrampcds.conformance.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hazard log (docs/safety/hazard-log.md) as data: each {@code ## HAZ-NNN title} section with its
 * fields ({@code - **Name**: text}) and its controls (the items under {@code - **Controls**:}), each
 * control with the tests, rules and checks it names in backticks ({@code `test a.B#m`},
 * {@code `rule RF-DVT-01`}, {@code `check LCC-V008`}). What does not fit this shape is a problem of the
 * log, reported with its line, never skipped.
 */
record HazardLog(String version, List<Hazard> hazards, List<String> problems) {

    /** The fields every hazard has, in this order. */
    static final List<String> FIELDS = List.of("Source", "Hazard", "Cause", "Effect", "Initial risk", "Controls",
            "Residual risk", "Open");
    /** What a clinical rating says until a clinician has made it. */
    static final String AWAITING = "awaiting clinical sign-off";

    private static final Pattern HEADING = Pattern.compile("^## (HAZ-\\d{3}) (\\S.*)$");
    private static final Pattern FIELD = Pattern.compile("^- \\*\\*([A-Za-z ]+)\\*\\*:\\s*(.*)$");
    private static final Pattern CONTROL = Pattern.compile("^  - (\\S.*)$");
    private static final Pattern REFERENCE = Pattern.compile("`(test|rule|check) ([^`\\s]+)`");
    private static final Pattern VERSION = Pattern.compile("^\\*\\*(Version [^*]+)\\*\\*");

    HazardLog {
        hazards = List.copyOf(hazards);
        problems = List.copyOf(problems);
    }

    /**
     * One hazard.
     *
     * @param id       {@code HAZ-NNN}
     * @param title    its heading
     * @param line     the line of its heading
     * @param fields   its fields by name, in file order ({@code Controls} holds the text after the colon)
     * @param controls its controls
     */
    record Hazard(String id, String title, int line, Map<String, String> fields, List<Control> controls) {

        Hazard {
            fields = Map.copyOf(fields);
            controls = List.copyOf(controls);
        }

        String field(String name) {
            return fields.getOrDefault(name, "");
        }
    }

    /**
     * One control: what it does and what implements and proves it.
     *
     * @param text   the item as written
     * @param line   its line
     * @param tests  named tests, {@code package.Class#method} (a nested class as {@code Outer$Inner})
     * @param rules  named rule ids
     * @param checks named diagnostic codes
     */
    record Control(String text, int line, List<String> tests, List<String> rules, List<String> checks) {

        Control {
            tests = List.copyOf(tests);
            rules = List.copyOf(rules);
            checks = List.copyOf(checks);
        }
    }

    static HazardLog parse(String markdown) {
        List<Hazard> hazards = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String version = "";
        String id = null;
        String title = null;
        int headingLine = 0;
        Map<String, String> fields = new LinkedHashMap<>();
        List<Control> controls = new ArrayList<>();
        boolean inControls = false;
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            Matcher m;
            if (version.isEmpty() && (m = VERSION.matcher(line)).find()) {
                version = m.group(1).trim();
            }
            if ((m = HEADING.matcher(line)).matches()) {
                if (id != null) {
                    hazards.add(new Hazard(id, title, headingLine, fields, controls));
                }
                id = m.group(1);
                title = m.group(2);
                headingLine = number;
                fields = new LinkedHashMap<>();
                controls = new ArrayList<>();
                inControls = false;
            } else if (line.startsWith("## ") && id != null) {
                problems.add("line " + number + ": a section in the hazards that is not '## HAZ-NNN title': " + line);
            } else if (id != null && (m = FIELD.matcher(line)).matches()) {
                String name = m.group(1);
                if (!FIELDS.contains(name)) {
                    problems.add("line " + number + ": " + id + ": unknown field '" + name + "' (fields: " + FIELDS + ")");
                } else if (fields.putIfAbsent(name, m.group(2).trim()) != null) {
                    problems.add("line " + number + ": " + id + ": field '" + name + "' given twice");
                }
                inControls = "Controls".equals(name);
            } else if (id != null && (m = CONTROL.matcher(line)).matches()) {
                if (!inControls) {
                    problems.add("line " + number + ": " + id + ": an item outside Controls: " + line.trim());
                    continue;
                }
                controls.add(control(m.group(1), number));
            } else if (id != null && !line.isBlank()) {
                problems.add("line " + number + ": " + id + ": not a field or a control item: " + line.trim());
            }
        }
        if (id != null) {
            hazards.add(new Hazard(id, title, headingLine, fields, controls));
        }
        return new HazardLog(version, hazards, problems);
    }

    private static Control control(String text, int line) {
        List<String> tests = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            switch (m.group(1)) {
                case "test" -> tests.add(m.group(2));
                case "rule" -> rules.add(m.group(2));
                default -> checks.add(m.group(2));
            }
        }
        return new Control(text, line, tests, rules, checks);
    }
}
