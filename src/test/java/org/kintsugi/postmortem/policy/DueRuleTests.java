package org.kintsugi.postmortem.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Due dates")
class DueRuleTests {

    static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void hoursCountNightsAndWeekends() {
        Instant friday = Instant.parse("2026-11-20T16:00:00Z");
        assertThat(DueRule.HOURS.due(friday, 24, UTC)).contains(Instant.parse("2026-11-21T16:00:00Z"));
    }

    @Test
    void fiveWorkingDaysFromAFridayEndOnTheNextFriday() {
        Instant friday = Instant.parse("2026-11-20T16:00:00Z");
        assertThat(DueRule.WORKING_DAYS.due(friday, 5, UTC)).contains(Instant.parse("2026-11-27T16:00:00Z"));
    }

    @Test
    void fiveWorkingDaysFromAWednesdaySkipTheWeekendBetween() {
        Instant wednesday = Instant.parse("2026-11-18T09:30:00Z");
        assertThat(DueRule.WORKING_DAYS.due(wednesday, 5, UTC)).contains(Instant.parse("2026-11-25T09:30:00Z"));
    }

    @Test
    void aResolutionOnSaturdayCountsFromMonday() {
        Instant saturday = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(DueRule.WORKING_DAYS.due(saturday, 1, UTC)).contains(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void theWorkingZoneDecidesWhichDayItIs() {
        // Friday 23:30 UTC is Saturday 08:30 in Tokyo: one working day later is Monday 08:30 there, which is
        // Sunday 23:30 UTC, while counted in UTC it is Monday 23:30.
        Instant lateFriday = Instant.parse("2026-11-20T23:30:00Z");
        assertThat(DueRule.WORKING_DAYS.due(lateFriday, 1, UTC)).contains(Instant.parse("2026-11-23T23:30:00Z"));
        assertThat(DueRule.WORKING_DAYS.due(lateFriday, 1, ZoneId.of("Asia/Tokyo")))
                .contains(Instant.parse("2026-11-22T23:30:00Z"));
        assertThat(DueRule.WORKING_DAYS.due(Instant.parse("2026-11-20T14:00:00Z"), 1, ZoneId.of("Asia/Tokyo")))
                .contains(Instant.parse("2026-11-23T14:00:00Z"));
    }

    @Test
    void notRequiredHasNoDueDate() {
        assertThat(DueRule.NOT_REQUIRED.due(Instant.parse("2026-11-20T16:00:00Z"), 0, UTC))
                .isEmpty();
    }

    @Test
    void describesItselfInWords() {
        assertThat(new DuePolicyView(org.kintsugi.incident.Severity.SEV3, DueRule.WORKING_DAYS, 5).describe())
                .isEqualTo("5 working days after resolution");
    }
}
