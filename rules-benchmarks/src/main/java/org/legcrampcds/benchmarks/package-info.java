/**
 * JMH benchmarks of the engine, the case reader and the result writer (docs/performance.md).
 */
@NullMarked
package org.legcrampcds.benchmarks;

import org.jspecify.annotations.NullMarked;
