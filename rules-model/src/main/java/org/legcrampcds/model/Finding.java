package org.legcrampcds.model;

import java.util.List;

/**
 * One finding of an assessment, explained (catalogue §4).
 *
 * @param code       the catalogue code, for example {@code RF_DVT_SUSPECTED}
 * @param category   its category
 * @param urgency    its urgency; no interlock ever changes it
 * @param title      a short readable name
 * @param action     what to do, in plain language, after any modification by a SAFETY interlock
 * @param evidence   every input fact and criterion that made it fire; empty for advice given to everyone
 * @param sources    the sources the rule cites (catalogue §1 ids and seed file names)
 * @param ruleId     the stable id of the rule that fired it (the first, when several did)
 * @param suppresses the codes this finding withheld from the result (SAFETY interlocks only)
 * @param modifiedBy the codes whose interlock changed this finding's action text
 */
public record Finding(String code, Category category, Urgency urgency, String title, String action,
                      List<Evidence> evidence, List<String> sources, String ruleId,
                      List<String> suppresses, List<String> modifiedBy) {

    public Finding {
        evidence = List.copyOf(evidence);
        sources = List.copyOf(sources);
        suppresses = List.copyOf(suppresses);
        modifiedBy = List.copyOf(modifiedBy);
    }
}
