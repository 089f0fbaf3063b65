/**
 * The DRL package of the rule base and the fact types its rules match besides the input
 * records of {@code org.legcrampcds.model}: {@link org.legcrampcds.rules.Indicator} (derived
 * clinical states, each a constant of {@link org.legcrampcds.rules.State}) and {@link org.legcrampcds.rules.FindingFact} (findings already fired).
 * This package is the rule author's API; callers of the engine never need it.
 */
@NullMarked
package org.legcrampcds.rules;

import org.jspecify.annotations.NullMarked;
