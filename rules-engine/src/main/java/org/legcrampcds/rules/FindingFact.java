package org.legcrampcds.rules;

import org.legcrampcds.model.Category;
import org.legcrampcds.model.Urgency;

/**
 * A finding that has fired, as later rule groups see it (for example INV_DVT_WORKUP reads
 * RF_DVT_SUSPECTED, and SAFETY_EMERGENCY_FIRST reads any EMERGENCY finding). The engine inserts
 * one per fired code, from the rule's metadata; rules never insert it themselves.
 *
 * @param code     the finding code
 * @param category its category
 * @param urgency  its urgency
 */
public record FindingFact(String code, Category category, Urgency urgency) {
}
