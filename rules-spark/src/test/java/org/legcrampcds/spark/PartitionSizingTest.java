package org.legcrampcds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The shuffle is sized by the export, not only by the cores: 100,000 patients in two partitions
 * ran out of a 1 GB heap (docs/performance.md), so no partition may hold much more than 32 MB.
 */
class PartitionSizingTest {

    @Test
    void aSmallExport_usesSparksParallelism() {
        assertThat(ScreeningJob.partitions(3_000_000, 4)).isEqualTo(4);
    }

    @Test
    void aLargeExport_getsAPartitionPer32MB_whateverTheCores() {
        assertThat(ScreeningJob.partitions(560L << 20, 2)).isEqualTo(18);
    }

    @Test
    void noParallelismStillMeansOnePartition() {
        assertThat(ScreeningJob.partitions(0, 0)).isEqualTo(1);
    }
}
