/**
 * Tools for rule authors: the fixture checks (the regression gate and the reload self-test) and
 * rule coverage computed from engine events.
 */
@NullMarked
package org.legcrampcds.authoring;

import org.jspecify.annotations.NullMarked;
