package org.legcrampcds.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Case texts for tests: the contract's example case, changed one field at a time. */
public final class TestCases {

    /**
     * {@code example-case.json} of interfaces.md §1. The contract fixes its result: highest urgency
     * SOON, SC_HYDRATION withheld by SAFETY_FLUID_RESTRICTION and SC_MINERAL_RICH_DIET by
     * SAFETY_POTASSIUM_CAUTION.
     */
    public static final String EXAMPLE = """
            {
              "id": "EX-furosemide-low-potassium",
              "description": "67-year-old woman on furosemide for heart failure; calf cramps most nights for six weeks; potassium 3.2 mmol/L.",
              "patient": {"ageYears": 67, "sex": "FEMALE", "pregnancyWeeks": null, "postpartumWeeks": null},
              "cramps": {"nightsPerWeek": 5, "durationMinutes": 3, "sites": ["CALF"], "side": "BOTH", "weeksSinceOnset": 6},
              "symptoms": [],
              "conditions": ["HEART_FAILURE"],
              "medications": [
                {"name": "furosemide", "drugClass": "LOOP_DIURETIC", "startedDaysAgo": 70},
                {"name": "ramipril", "drugClass": "ACE_INHIBITOR", "startedDaysAgo": 900}
              ],
              "labs": [
                {"test": "POTASSIUM", "value": 3.2, "unit": "mmol/L"},
                {"test": "SODIUM", "value": 138, "unit": "mmol/L"},
                {"test": "MAGNESIUM", "value": 1.9, "unit": "mg/dL"}
              ],
              "history": {
                "longTravelHoursLast14Days": 0,
                "immobilisedLast28Days": false,
                "majorSurgeryLast84Days": false,
                "strenuousExerciseLast48Hours": false,
                "sittingOrStandingHoursPerDay": 6,
                "fluidIntakeLitresPerDay": 1.5,
                "alcoholUnitsPerWeek": 2,
                "smoker": false,
                "sleepsWithToesPointedOrProne": true
              }
            }
            """;

    public static final String EXAMPLE_ID = "EX-furosemide-low-potassium";

    private TestCases() {
    }

    /** The example with one piece of text replaced; the text must occur exactly once. */
    public static String exampleWith(String text, String replacement) {
        return replaceOnce(EXAMPLE, text, replacement);
    }

    /** {@code json} with one piece of text replaced; the text must occur exactly once. */
    public static String replaceOnce(String json, String text, String replacement) {
        int at = json.indexOf(text);
        if (at < 0 || json.indexOf(text, at + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in the case: " + text);
        }
        return json.substring(0, at) + replacement + json.substring(at + text.length());
    }

    /** The case on one line, as JSON Lines needs it. */
    public static String oneLine(String json) {
        return json.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    public static Path write(Path directory, String fileName, String content) throws IOException {
        return Files.writeString(directory.resolve(fileName), content, StandardCharsets.UTF_8);
    }
}
