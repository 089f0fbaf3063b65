package org.legcrampcds.cdshooks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti} of every token accepted and not yet expired: a token seen twice is a replay.
 * Bounded: expired entries are dropped, and when the cache is still full new tokens are refused
 * rather than letting memory grow without end.
 */
final class ReplayCache {

    private final int capacity;
    private final Map<String, Long> expiryByJti = new ConcurrentHashMap<>();

    ReplayCache(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Records a token id.
     *
     * @param key            issuer and jti
     * @param expiresAtMilli when the token expires (after which it is refused anyway)
     * @param nowMilli       the time now
     * @return true when it was new, false for a replay (or a full cache)
     */
    boolean firstUse(String key, long expiresAtMilli, long nowMilli) {
        if (expiryByJti.size() >= capacity) {
            expiryByJti.values().removeIf(expiry -> expiry < nowMilli);
            if (expiryByJti.size() >= capacity) {
                return false;
            }
        }
        Long previous = expiryByJti.putIfAbsent(key, expiresAtMilli);
        if (previous == null) {
            return true;
        }
        // An entry past its expiry may be reused only by a token the expiry check lets through anyway.
        return previous < nowMilli && expiryByJti.replace(key, previous, expiresAtMilli);
    }

    int size() {
        return expiryByJti.size();
    }
}
