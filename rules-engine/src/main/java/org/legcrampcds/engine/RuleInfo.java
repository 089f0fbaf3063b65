package org.legcrampcds.engine;

import java.util.List;
import java.util.Optional;

import org.legcrampcds.model.Category;
import org.legcrampcds.model.Urgency;

/**
 * What the rule base says about one of its rules (interfaces.md §4), for tooling such as coverage
 * reports. Finding rules have a code, category and urgency; derive rules have none.
 *
 * @param id       stable id, for example {@code RF-DVT-01}
 * @param name     the readable rule name
 * @param file     the rule file it is declared in
 * @param line     the line of its declaration
 * @param code     the finding code it emits, if any
 * @param category the finding's category, if any
 * @param urgency  the finding's urgency, if any
 * @param sources  the sources it cites
 * @param version  the rule's own version
 */
public record RuleInfo(String id, String name, String file, int line, Optional<String> code,
                       Optional<Category> category, Optional<Urgency> urgency, List<String> sources, String version) {

    public RuleInfo {
        sources = List.copyOf(sources);
    }

    static RuleInfo of(RuleMeta meta) {
        return new RuleInfo(meta.id(), meta.name(), meta.file(), meta.line(), Optional.ofNullable(meta.code()),
                Optional.ofNullable(meta.category()), Optional.ofNullable(meta.urgency()), meta.sources(), meta.version());
    }
}
