package org.legcrampcds.model;

import java.util.Objects;

/**
 * A resource of an EHR record, or an element of one, that contributed nothing to the case mapped
 * from it, and why (interfaces.md §6): nothing in the record is dropped without saying so. A
 * {@link Reason#CLASS_CONFLICT} is the one note on a resource that was used: its code's class won over its name.
 *
 * @param resource the resource as {@code Type/id}
 * @param reason   why it was not used
 * @param detail   a human-readable explanation, free of patient values beyond codes and units
 */
public record Unmapped(String resource, Reason reason, String detail) {

    public Unmapped {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** The reason codes of interfaces.md §6. */
    public enum Reason {
        NOT_CURRENT("not-current"),
        REFUTED("refuted"),
        NO_MAPPING("no-mapping"),
        SUPERSEDED("superseded"),
        UNUSABLE_VALUE("unusable-value"),
        UNIT_NOT_ACCEPTED("unit-not-accepted"),
        NOT_ADJUSTED_CALCIUM("not-adjusted-calcium"),
        CLASS_CONFLICT("class-conflict"),
        UNSUPPORTED_TYPE("unsupported-type"),
        /** (2.3) A well-formed value the case cannot hold: outside the catalogue's plausible range or the format's. */
        IMPLAUSIBLE_VALUE("implausible-value"),
        /** (2.3) The resource's {@code subject} or {@code patient} names another patient. */
        OTHER_PATIENT("other-patient");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The code as written in results, for example {@code not-current}. */
        public String code() {
            return code;
        }
    }
}
