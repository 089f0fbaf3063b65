package org.legcrampcds.model;

import java.util.List;
import java.util.Optional;

/**
 * The explained result of assessing one case.
 *
 * @param caseId          the case id, if the case had one
 * @param rulesetVersion  the rule base that produced it: release version plus a hash of the rule files
 * @param highestUrgency  the highest urgency among {@code findings}; {@link Urgency#INFO} when there are none
 * @param findings        findings after suppression, by urgency (EMERGENCY first), then code
 * @param suppressed      withheld self-care findings, by code
 * @param firedRules      the ids of every rule that fired, sorted
 * @param recordComplete  {@code false} exactly when the case listed inputs as not recorded (catalogue §11)
 * @param dataRequired    the not-recorded safety inputs whose answer would raise a red flag, in the
 *                        order of §11.4; empty for a complete case
 * @param staleLabs       the labs set aside as older than their window (§12), by test name
 */
public record Assessment(String caseId, String rulesetVersion, Urgency highestUrgency, List<Finding> findings,
                         List<Suppression> suppressed, List<String> firedRules, boolean recordComplete,
                         List<DataRequired> dataRequired, List<StaleLab> staleLabs) {

    public Assessment {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        firedRules = List.copyOf(firedRules);
        dataRequired = List.copyOf(dataRequired);
        staleLabs = List.copyOf(staleLabs);
    }

    /** The finding with this code, if it is in the result. */
    public Optional<Finding> finding(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /** The codes of the findings, in result order. */
    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }

    /** The codes of the suppressed findings. */
    public List<String> suppressedCodes() {
        return suppressed.stream().map(Suppression::code).toList();
    }
}
