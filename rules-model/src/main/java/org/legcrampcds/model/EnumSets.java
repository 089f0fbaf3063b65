package org.legcrampcds.model;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Immutable, de-duplicated copies of coded lists, iterated in declaration order. */
final class EnumSets {

    private EnumSets() {
    }

    /** An unmodifiable copy, or {@code null} for {@code null} so that validation can name the field. */
    static <E extends Enum<E>> @Nullable Set<E> immutableCopyOrNull(Class<E> type, @Nullable Collection<E> values) {
        return values == null ? null : immutableCopy(type, values);
    }

    /** An unmodifiable copy. */
    static <E extends Enum<E>> Set<E> immutableCopy(Class<E> type, Collection<E> values) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }
}
