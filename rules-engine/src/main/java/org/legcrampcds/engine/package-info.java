/**
 * The leg-cramp rule engine. {@link org.legcrampcds.engine.CrampAssessor} is the one entry point;
 * every Drools type stays inside this package.
 */
@NullMarked
package org.legcrampcds.engine;

import org.jspecify.annotations.NullMarked;
