package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** jti replay: a second use is refused, expired entries make room, and the cache never grows past its bound. */
class ReplayCacheTest {

    @Test
    void aSecondUse_isRefused() {
        ReplayCache cache = new ReplayCache(10);
        assertThat(cache.firstUse("iss jti-1", 2_000, 1_000)).isTrue();
        assertThat(cache.firstUse("iss jti-1", 2_000, 1_500)).isFalse();
    }

    @Test
    void whenFull_expiredEntriesMakeRoom_andOtherwiseNewTokensAreRefused() {
        ReplayCache cache = new ReplayCache(2);
        assertThat(cache.firstUse("a", 1_000, 0)).isTrue();
        assertThat(cache.firstUse("b", 5_000, 0)).isTrue();
        assertThat(cache.firstUse("c", 5_000, 500)).as("full, nothing expired").isFalse();
        assertThat(cache.firstUse("c", 5_000, 2_000)).as("a expired").isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }
}
