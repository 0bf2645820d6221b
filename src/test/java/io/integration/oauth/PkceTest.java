package io.integration.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PKCE against the example of RFC 7636, appendix B, and the shape of generated verifiers. */
class PkceTest {

    @Test
    void s256MatchesTheRfcExample() {
        assertThat(Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifiersAre256RandomBitsOfUnreservedCharacters() {
        String first = Pkce.newVerifier();
        assertThat(first).matches("^[A-Za-z0-9_-]{43}$").isNotEqualTo(Pkce.newVerifier());
    }
}
