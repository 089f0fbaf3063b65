package org.legcrampcds.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Resource;
import org.legcrampcds.model.Unmapped;

/**
 * What one mapping collects besides the case: the as-of date that every day count uses, the
 * report of what was not used, and where in the source each model field came from (so that the
 * model's own errors point into the Bundle).
 */
final class MappingContext {

    private final LocalDate asOf;
    private final List<Unmapped> unmapped = new ArrayList<>();
    private final Map<String, String> locations = new HashMap<>();

    MappingContext(LocalDate asOf) {
        this.asOf = asOf;
    }

    LocalDate asOf() {
        return asOf;
    }

    void unmapped(Resource resource, Unmapped.Reason reason, String detail) {
        unmapped.add(new Unmapped(name(resource), reason, detail));
    }

    void unmapped(Unmapped notUsed) {
        unmapped.add(notUsed);
    }

    List<Unmapped> unmapped() {
        return List.copyOf(unmapped);
    }

    /** Records that a model path (or every path under it) comes from this place in the source. */
    void locate(String modelPath, String location) {
        locations.put(modelPath, location);
    }

    /** The source location of a model path: its own, else its nearest located parent's, else the Bundle. */
    String location(String modelPath) {
        String path = modelPath;
        while (true) {
            String at = locations.get(path);
            if (at != null) {
                return path.equals(modelPath) ? at : at + modelPath.substring(path.length());
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            if (cut <= 0) {
                return "Bundle";
            }
            path = path.substring(0, cut);
        }
    }

    /**
     * Calendar days from the UTC date of the instant (a plain date as that date) to the as-of date,
     * or empty when the value is absent or only a year or month (its day cannot be known).
     */
    Optional<Long> daysSince(BaseDateTimeType when) {
        return utcDate(when).map(date -> ChronoUnit.DAYS.between(date, asOf));
    }

    static Optional<LocalDate> utcDate(BaseDateTimeType when) {
        if (when == null || when.isEmpty() || when.getValue() == null) {
            return Optional.empty();
        }
        TemporalPrecisionEnum precision = when.getPrecision();
        if (precision == TemporalPrecisionEnum.YEAR || precision == TemporalPrecisionEnum.MONTH) {
            return Optional.empty();
        }
        if (precision == TemporalPrecisionEnum.DAY) {
            return Optional.of(LocalDate.of(when.getYear(), when.getMonth() + 1, when.getDay()));
        }
        return Optional.of(when.getValue().toInstant().atZone(ZoneOffset.UTC).toLocalDate());
    }

    static String name(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        return resource.fhirType() + "/" + (id == null ? "(no id)" : id);
    }
}
