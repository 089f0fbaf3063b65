package org.legcrampcds.engine.options;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --as-of YYYY-MM-DD} as a picocli mixin ({@code @Mixin AsOfOption asOf;}): the date ages
 * and day counts of FHIR input are taken at, today (UTC) when not given. A value that is not an
 * ISO date is a usage error that names the expected form, never a Java exception's name.
 */
public final class AsOfOption {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "The date ages and day counts of FHIR input are taken at (default: today, UTC).")
    private @Nullable LocalDate date;

    /** The date given, or {@code null} when the option was left out. */
    public @Nullable LocalDate given() {
        return date;
    }

    /** The date given, or today in UTC. */
    public LocalDate dateOrToday() {
        return date != null ? date : LocalDate.now(ZoneOffset.UTC);
    }

    /** An ISO calendar date; picocli prefixes the message with the option's name. */
    static final class IsoDate implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date: expected YYYY-MM-DD, for example 2026-12-01");
            }
        }
    }
}
