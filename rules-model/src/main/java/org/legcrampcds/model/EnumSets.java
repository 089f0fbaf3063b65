package org.legcrampcds.model;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Immutable, de-duplicated copies of coded lists, iterated in declaration order. */
final class EnumSets {

    private EnumSets() {
    }

    /** An unmodifiable copy, or {@code null} for {@code null} so that validation can name the field. */
    static <E extends Enum<E>> Set<E> immutableCopy(Class<E> type, Collection<E> values) {
        if (values == null) {
            return null;
        }
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }
}
