package org.legcrampcds.engine;

import org.legcrampcds.model.Diagnostic;

/**
 * The stable diagnostic codes of rule-base problems: every {@link RuleProblem} carries one, and
 * {@code docs/diagnostics.md} explains each with its cause, an example and the fix. Codes never
 * change meaning; a new problem gets a new code.
 */
public enum RuleDiagnostic implements Diagnostic {
    /** Drools rejected the DRL: a syntax error, an unknown type or field, a bad expression. */
    DRL_COMPILE_ERROR("LCC-R001"),
    /** A metadata key the rule base does not define (a misspelling, or Drools' reserved {@code @modifies}). */
    UNKNOWN_METADATA("LCC-R002"),
    /** A rule without {@code @id}. */
    MISSING_ID("LCC-R003"),
    /** Two rules with one {@code @id}. */
    DUPLICATE_ID("LCC-R004"),
    /** A rule in a {@code ruleflow-group} that never runs. */
    UNKNOWN_RULEFLOW_GROUP("LCC-R005"),
    /** A finding rule in the group of another category. */
    WRONG_RULEFLOW_GROUP("LCC-R006"),
    /** {@code @category} or {@code @urgency} missing or not one of the allowed values. */
    BAD_CATEGORY_OR_URGENCY("LCC-R007"),
    /** A code whose prefix does not belong to its category ({@code CAUSE_} under {@code SAFETY}). */
    CODE_OUTSIDE_CATEGORY("LCC-R008"),
    /** A finding rule without {@code @source}. */
    MISSING_SOURCE("LCC-R009"),
    /** A finding rule without {@code @version}. */
    MISSING_VERSION("LCC-R010"),
    /** An {@code @amends} entry that is not {@code CODE drop|append|replace VARIANT}. */
    MALFORMED_AMENDMENT("LCC-R011"),
    /** Rules of one code that disagree on its category or urgency. */
    INCONSISTENT_CODE("LCC-R012"),
    /** A title, action or amendment text that no texts file defines. */
    MISSING_TEXT("LCC-R013"),
    /** A text that belongs to no rule's code. */
    ORPHAN_TEXT("LCC-R014"),
    /** A rule outside SAFETY that suppresses or amends findings. */
    INTERLOCK_OUTSIDE_SAFETY("LCC-R015"),
    /** A suppression of something that is neither a SELF_CARE code nor {@code SELF_CARE}. */
    BAD_SUPPRESSION_TARGET("LCC-R016"),
    /** An amendment of a code no rule emits. */
    AMENDS_UNKNOWN_CODE("LCC-R017"),
    /** A {@code drop} amendment of a clause the text does not mark. */
    UNKNOWN_CLAUSE("LCC-R018"),
    /** Two {@code replace} amendments of one text: which would win is undefined. */
    CONFLICTING_AMENDMENTS("LCC-R019"),
    /** A rule directory without {@code .drl} files. */
    NO_RULES("LCC-R020"),
    /** The rule files could not be read: no such directory, an I/O error, the built-in rules missing. */
    UNREADABLE_RULES("LCC-R021"),
    /** A texts file that is not a readable properties file. */
    UNREADABLE_TEXTS("LCC-R022"),
    /** The library's release version is missing, so results could not name their rule base. */
    MISSING_RELEASE_VERSION("LCC-R023"),
    /** {@code thresholds.csv} missing, not CSV, without its header, or a row with the wrong number of columns. */
    THRESHOLD_TABLE_MALFORMED("LCC-R024"),
    /** A threshold row with a bad id, test, comparison, value, unit or meaning, or an id defined twice. */
    BAD_THRESHOLD("LCC-R025"),
    /** A rule reads, or a text names ({@code {K_LOW}}), a threshold id the table does not define. */
    UNKNOWN_THRESHOLD("LCC-R026"),
    /** A threshold row no rule reads. */
    UNUSED_THRESHOLD("LCC-R027"),
    /** A {@code @code} that is not in the catalogue's list of finding codes. */
    CODE_NOT_IN_CATALOGUE("LCC-R028"),
    /** A {@code @source} id that is not in the source register ({@code sources.csv}). */
    UNKNOWN_SOURCE("LCC-R029"),
    /** A derived state (an {@code Indicator} or upper limit) that rules read but no rule writes: the reading rule can never fire. */
    STATE_NEVER_WRITTEN("LCC-R030"),
    /** A derived state that a rule writes but no rule reads: dead work, or a misspelt read. */
    STATE_NEVER_READ("LCC-R031"),
    /** A rule whose patterns name no fact the engine inserts or a rule derives. */
    NO_KNOWN_FACT_TYPE("LCC-R032"),
    /** A finding rule whose consequence is not empty: findings come from metadata, never from code. */
    FINDING_RULE_HAS_CONSEQUENCE("LCC-R033"),
    /** A rule without its {@code end}, or text between rules that is not DRL. */
    RULE_NOT_CLOSED("LCC-R034"),
    /** {@code sources.csv} missing, not CSV, without its header, or with a bad row. */
    SOURCE_REGISTER_MALFORMED("LCC-R035"),
    /** A derived state that is not a constant of {@code State}, or an indicator read by a quoted name. */
    UNKNOWN_STATE("LCC-R036"),
    /** A text, rule name or criterion that states a threshold of {@code thresholds.csv} as a number instead of naming it. */
    THRESHOLD_STATED_AS_NUMBER("LCC-R037");

    private final String code;

    RuleDiagnostic(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
