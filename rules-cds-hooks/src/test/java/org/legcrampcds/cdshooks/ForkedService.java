package org.legcrampcds.cdshooks;

import java.io.IOException;

/**
 * The service alone in a JVM of its own, for {@link BoundedMemoryTest}: built-in rules, default
 * limits, 127.0.0.1 on an ephemeral port. It prints {@code PORT n} once it serves and stops when its
 * standard input closes (the test ending, or dying, closes it).
 */
public final class ForkedService {

    private ForkedService() {
    }

    public static void main(String[] args) throws IOException {
        try (CdsHooksService service = CdsHooksService.builder().host("127.0.0.1").port(0).builtInRules()
                .clock(TestService.AS_OF).start()) {
            System.out.println("PORT " + service.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the test to let go.
            }
        }
    }
}
