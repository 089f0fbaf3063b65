package org.legcrampcds.engine;

import java.util.Comparator;
import java.util.List;

import org.legcrampcds.model.Category;
import org.legcrampcds.model.Urgency;

/**
 * The metadata of one rule (interfaces.md §4), read from its annotations once at build time.
 * Rules without {@code @code} derive facts and emit no finding.
 *
 * @param id            stable id, for example {@code RF-DVT-01}
 * @param name          the rule's readable name
 * @param file          the rule file it is declared in
 * @param line          the line of its {@code rule} keyword
 * @param code          the finding code it emits, or {@code null} for a derive rule
 * @param category      the finding's category, or {@code null}
 * @param urgency       the finding's urgency, or {@code null}
 * @param sources       the sources it cites
 * @param version       the rule's own version
 * @param actionVariant the action text variant it contributes, or {@code null} for the code's action
 * @param suppresses    codes (or a category name) it withholds when it fires
 * @param modifications changes it makes to other findings' texts
 */
record RuleMeta(String id, String name, String file, int line, String code, Category category, Urgency urgency,
                List<String> sources, String version, String actionVariant, List<String> suppresses,
                List<Modification> modifications) {

    /**
     * The order the rules are written in: by file, then line. Texts contributed by several rules follow
     * it (the catalogue's stated order), never the spelling of rule ids ({@code -10} sorts before {@code -02}).
     */
    static final Comparator<RuleMeta> DECLARATION_ORDER =
            Comparator.comparing(RuleMeta::file).thenComparingInt(RuleMeta::line).thenComparing(RuleMeta::id);

    boolean emitsFinding() {
        return code != null;
    }
}
