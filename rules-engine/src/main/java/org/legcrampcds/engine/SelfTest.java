package org.legcrampcds.engine;

import java.util.List;

/**
 * What a candidate rule base must pass before {@link ReloadableAssessor#reload} puts it into
 * service, for example the fixture cases of the {@code check} command
 * ({@code org.legcrampcds.json.FixtureCheck}).
 */
@FunctionalInterface
public interface SelfTest {

    /**
     * Runs the test on a candidate.
     *
     * @return one line per failure, naming the fixture and what differed; empty when it passed
     */
    List<String> failures(CrampAssessor candidate);

    /** No self-test: a candidate only has to build. */
    static SelfTest none() {
        return candidate -> List.of();
    }
}
