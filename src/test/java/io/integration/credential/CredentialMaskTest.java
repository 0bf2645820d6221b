package io.integration.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mask shows at most the last four characters, and nothing of a short secret. */
class CredentialMaskTest {

    @Test
    void showsTheLastFourCharactersOfALongSecret() {
        assertThat(CredentialMask.of("sk_live_51HxABCD1234")).isEqualTo("••••1234");
        assertThat(CredentialMask.of("12345678")).isEqualTo("••••5678");
    }

    @Test
    void showsNothingOfASecretShorterThanEightCharacters() {
        assertThat(CredentialMask.of("1234567")).isEqualTo("••••");
        assertThat(CredentialMask.of("a")).isEqualTo("••••");
    }

    @Test
    void handlesNullAndEmpty() {
        assertThat(CredentialMask.of(null)).isEmpty();
        assertThat(CredentialMask.of("")).isEmpty();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Seven emoji are fourteen UTF-16 units but still a short secret; surrogate pairs are never split.
        assertThat(CredentialMask.of("😀".repeat(7))).isEqualTo("••••");
        assertThat(CredentialMask.of("abcd😀😀😀😀")).isEqualTo("••••😀😀😀😀");
    }

    @Test
    void neverContainsMoreThanFourCharactersOfTheSecret() {
        String secret = "x".repeat(100) + "WXYZ";
        assertThat(CredentialMask.of(secret)).isEqualTo(CredentialMask.PREFIX + "WXYZ").hasSize(8);
    }
}
