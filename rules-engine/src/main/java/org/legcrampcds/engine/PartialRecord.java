package org.legcrampcds.engine;

import java.util.List;

import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.StaleLab;

/**
 * What a result says about the record itself (catalogue §11-12): whether it was complete, which
 * unanswered questions could raise a red flag, and which labs were set aside as too old.
 */
record PartialRecord(boolean recordComplete, List<DataRequired> dataRequired, List<StaleLab> staleLabs) {

    PartialRecord {
        dataRequired = List.copyOf(dataRequired);
        staleLabs = List.copyOf(staleLabs);
    }
}
