package io.integration.webhook.signature;

import static io.integration.webhook.signature.TestMacs.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timestamp parsing takes ASCII digits only, and the window is symmetric with inclusive edges. */
class ReplayWindowTest {

    @Test
    void parsesPlainDigits() {
        assertThat(ReplayWindow.parseEpochSeconds("1614265330")).hasValue(1_614_265_330L);
        assertThat(ReplayWindow.parseEpochSeconds("0")).hasValue(0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "+1", "-1", "1.0", "0x10", "1e3", "١٢٣", "１２３", "1234567890123"})
    void refusesAnythingButUpToTwelveAsciiDigits(String text) {
        assertThat(ReplayWindow.parseEpochSeconds(text)).isEmpty();
    }

    @Test
    void containsBothEdgesAndNothingBeyond() {
        ReplayWindow window = new ReplayWindow(clockAt(1_000_000), Duration.ofSeconds(300));

        assertThat(window.contains(1_000_000 - 300)).isTrue();
        assertThat(window.contains(1_000_000 + 300)).isTrue();
        assertThat(window.contains(1_000_000 - 301)).isFalse();
        assertThat(window.contains(1_000_000 + 301)).isFalse();
        assertThat(window.contains(0)).isFalse();
    }

    @Test
    void needsAPositiveTolerance() {
        assertThatThrownBy(() -> new ReplayWindow(clockAt(0), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplayWindow(clockAt(0), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
