package org.kintsugi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.shared.FieldProblem;

class LifecycleTests {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Nested
    @DisplayName("order of the moments")
    class Order {

        @Test
        void acceptsMomentsInOrder() {
            assertThat(new Lifecycle(T0, at(5), at(6), at(30), at(60)).problems(NOW))
                    .isEmpty();
        }

        @Test
        void requiresTheStart() {
            assertThat(new Lifecycle(null, null, null, null, null).problems(NOW))
                    .extracting(FieldProblem::field)
                    .containsExactly("startedAt");
        }

        @Test
        void rejectsDetectionBeforeStart() {
            assertThat(new Lifecycle(T0, at(-5), null, null, null).problems(NOW))
                    .containsExactly(new FieldProblem("detectedAt", "cannot be before the start"));
        }

        @Test
        void rejectsResolutionBeforeStart() {
            assertThat(new Lifecycle(T0, null, null, null, at(-1)).problems(NOW))
                    .containsExactly(new FieldProblem("resolvedAt", "cannot be before the start"));
        }

        @Test
        void rejectsAcknowledgementBeforeDetection() {
            assertThat(new Lifecycle(T0, at(10), at(5), null, null).problems(NOW))
                    .containsExactly(new FieldProblem("acknowledgedAt", "cannot be before detection"));
        }

        @Test
        void rejectsResolutionBeforeMitigation() {
            assertThat(new Lifecycle(T0, null, null, at(30), at(20)).problems(NOW))
                    .containsExactly(new FieldProblem("resolvedAt", "cannot be before mitigation"));
        }

        @Test
        void reportsEveryFieldOnceAtMost() {
            assertThat(new Lifecycle(T0, at(-5), at(-6), at(-7), at(-8)).problems(NOW))
                    .extracting(FieldProblem::field)
                    .containsExactly("detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt");
        }

        @Test
        void rejectsMomentsInTheFuture() {
            assertThat(new Lifecycle(T0, null, null, null, NOW.plus(Duration.ofHours(1))).problems(NOW))
                    .containsExactly(new FieldProblem("resolvedAt", "cannot be in the future"));
        }

        @Test
        void forgivesSmallClockSkew() {
            assertThat(new Lifecycle(T0, null, null, null, NOW.plusSeconds(60)).problems(NOW))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("status and durations")
    class StatusAndDurations {

        @Test
        void statusFollowsTheMoments() {
            assertThat(new Lifecycle(T0, at(1), null, null, null).status()).isEqualTo(IncidentStatus.OPEN);
            assertThat(new Lifecycle(T0, at(1), null, at(9), null).status()).isEqualTo(IncidentStatus.MITIGATED);
            assertThat(new Lifecycle(T0, at(1), null, at(9), at(20)).status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(new Lifecycle(T0, null, null, null, at(20)).status()).isEqualTo(IncidentStatus.RESOLVED);
        }

        @Test
        void measuresEachPhase() {
            Durations d = new Lifecycle(T0, at(7), at(12), at(40), at(95)).durations();
            assertThat(d.toDetect()).isEqualTo(Duration.ofMinutes(7));
            assertThat(d.toAcknowledge()).isEqualTo(Duration.ofMinutes(5));
            assertThat(d.toMitigate()).isEqualTo(Duration.ofMinutes(40));
            assertThat(d.toResolve()).isEqualTo(Duration.ofMinutes(95));
        }

        @Test
        void leavesUnfinishedPhasesUnknown() {
            Durations d = new Lifecycle(T0, null, null, null, null).durations();
            assertThat(d.toDetect()).isNull();
            assertThat(d.toResolve()).isNull();
        }

        @Test
        void formatsDurationsAsPeopleSayThem() {
            assertThat(Durations.human(Duration.ofSeconds(40))).isEqualTo("40s");
            assertThat(Durations.human(Duration.ofMinutes(12))).isEqualTo("12m");
            assertThat(Durations.human(Duration.ofMinutes(65))).isEqualTo("1h 05m");
            assertThat(Durations.human(Duration.ofHours(51))).isEqualTo("2d 3h");
            assertThat(Durations.human(null)).isEqualTo("—");
        }
    }
}
