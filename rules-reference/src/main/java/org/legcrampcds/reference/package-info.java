/**
 * For tests only, never shipped: the independent reference evaluation of the clinical catalogue
 * (JSON trees, no Drools) and a random case generator.
 */
@NullMarked
package org.legcrampcds.reference;

import org.jspecify.annotations.NullMarked;
