package org.legcrampcds.engine;

import java.util.List;

import org.legcrampcds.model.Evidence;

/**
 * One rule firing as the engine saw it: the rule and what its matched facts say.
 *
 * @param rule     the rule's metadata
 * @param evidence the evidence of the facts it matched, de-duplicated, in match order
 */
record Firing(RuleMeta rule, List<Evidence> evidence) {
}
