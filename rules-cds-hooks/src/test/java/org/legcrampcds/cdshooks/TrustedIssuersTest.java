package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trusted-issuers file: read as documented, and every defect named with its field and LCC-H008. */
class TrustedIssuersTest {

    @TempDir
    Path dir;

    private TrustedIssuers read(String json) throws Exception {
        return TrustedIssuers.read(Files.writeString(dir.resolve("issuers.json"), json));
    }

    private void rejected(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(CdsHooksConfigException.class)
                .hasMessageStartingWith("LCC-H008 ").hasMessageContaining(message)
                .satisfies(e -> assertThat(((CdsHooksConfigException) e).code()).isEqualTo("LCC-H008"));
    }

    @Test
    void theDocumentedFile_isRead() throws Exception {
        TrustedIssuers issuers = read("""
                {"serviceUrl": "https://cds.example.org/",
                 "issuers": [{"iss": "https://ehr.example.org", "jwksUrl": "https://ehr.example.org/.well-known/jwks.json"}]}""");
        assertThat(issuers.serviceUrl()).contains("https://cds.example.org");
        assertThat(issuers.jwksByIssuer()).containsEntry("https://ehr.example.org",
                URI.create("https://ehr.example.org/.well-known/jwks.json"));
    }

    @Test
    void withoutServiceUrl_theBindIsUsed() throws Exception {
        assertThat(read("{\"issuers\": [{\"iss\": \"a\", \"jwksUrl\": \"http://127.0.0.1/jwks\"}]}").serviceUrl()).isEmpty();
    }

    @Test
    void defects_areNamed() {
        rejected("{\"issuers\": [", "not JSON (line 1");
        rejected("[]", "a JSON object with \"issuers\" is required");
        rejected("{\"issuers\": []}", "issuers: a non-empty array is required");
        rejected("{\"issuer\": []}", "issuer: unknown field");
        rejected("{\"issuers\": [{\"iss\": \"a\"}]}", "issuers[0].jwksUrl: a non-empty string is required");
        rejected("{\"issuers\": [{\"iss\": \"a\", \"jwksUrl\": \"file:///jwks\"}]}", "issuers[0].jwksUrl: an absolute http or https URL");
        rejected("{\"issuers\": [{\"iss\": \"a\", \"jwksUrl\": \"http://h/j\", \"secret\": \"x\"}]}", "issuers[0].secret: unknown field");
        rejected("{\"issuers\": [{\"iss\": \"a\", \"jwksUrl\": \"http://h/j\"}, {\"iss\": \"a\", \"jwksUrl\": \"http://h/k\"}]}",
                "issuers[1].iss: issuer 'a' is listed twice");
    }

    @Test
    void aMissingFile_isNamed() {
        assertThatThrownBy(() -> TrustedIssuers.read(dir.resolve("missing.json"))).isInstanceOf(CdsHooksConfigException.class)
                .hasMessageContaining("missing.json: cannot be read");
    }
}
