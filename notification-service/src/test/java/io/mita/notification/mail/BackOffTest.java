package io.mita.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackOffTest {

    @Test
    void theCeilingDoublesAfterEachFailureUpToTheMaximum() {
        BackOff highest = new BackOff(Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 1.0);
        assertThat(highest.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(highest.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(highest.after(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(highest.after(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(highest.after(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(highest.after(60)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void jitterKeepsTheWaitBetweenHalfTheCeilingAndTheCeiling() {
        BackOff lowest = new BackOff(Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 0.0);
        BackOff middle = new BackOff(Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 0.5);
        assertThat(lowest.after(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(middle.after(3)).isEqualTo(Duration.ofSeconds(15));
    }
}
