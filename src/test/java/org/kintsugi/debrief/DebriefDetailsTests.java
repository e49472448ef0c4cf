package org.kintsugi.debrief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;

class DebriefDetailsTests {

    static DebriefDetails at(String date, String time, String zone) {
        return DebriefDetails.parse("Debrief", date, time, zone, "60", "https://meet.example.org/x", 1L);
    }

    @Nested
    @DisplayName("the start is entered on the owner's clock and kept in UTC")
    class Zones {

        @Test
        void nineThirtyInBerlinInWinterIsEightThirtyUtc() {
            assertThat(at("2027-01-12", "09:30", "Europe/Berlin").startsAt())
                    .isEqualTo(Instant.parse("2027-01-12T08:30:00Z"));
        }

        @Test
        void nineThirtyInBerlinInSummerIsSevenThirtyUtc() {
            assertThat(at("2027-07-12", "09:30", "Europe/Berlin").startsAt())
                    .isEqualTo(Instant.parse("2027-07-12T07:30:00Z"));
        }

        @Test
        void nineThirtyInNewYorkInWinterIsFourteenThirtyUtc() {
            assertThat(at("2027-01-12", "09:30", "America/New_York").startsAt())
                    .isEqualTo(Instant.parse("2027-01-12T14:30:00Z"));
        }

        @Test
        void aTimeTheClocksSkipMovesForwardByTheGap() {
            // 2027-03-28 02:30 does not exist in Berlin: the clocks go from 02:00 to 03:00 (CEST, UTC+2).
            assertThat(at("2027-03-28", "02:30", "Europe/Berlin").startsAt())
                    .isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        }
    }

    @Nested
    @DisplayName("bad input names the field and the problem")
    class Validation {

        @Test
        void everyWrongFieldIsNamedAtOnce() {
            assertThatThrownBy(() -> DebriefDetails.parse(" ", "12/01/2027", "9.30", "Mars/Olympus", "0", "", null))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(FieldProblem::field)
                                    .containsExactly(
                                            "title",
                                            "date",
                                            "time",
                                            "zone",
                                            "durationMinutes",
                                            "meetingLink",
                                            "facilitatorId"));
        }

        @Test
        void theDurationIsBoundedAndTheBoundIsNamed() {
            assertThatThrownBy(() ->
                            DebriefDetails.parse("D", "2027-01-12", "09:30", "UTC", "481", "https://m.example", 1L))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.byField())
                                    .containsEntry("durationMinutes", "must be between 5 and 480 minutes"));
        }

        @Test
        void theMeetingLinkMustBeHttpOrHttps() {
            for (String link :
                    new String[] {"javascript:alert(1)", "ftp://files.example.org", "mailto:a@example.org"}) {
                assertThatThrownBy(() -> DebriefDetails.parse("D", "2027-01-12", "09:30", "UTC", "60", link, 1L))
                        .as(link)
                        .isInstanceOfSatisfying(
                                InvalidInputException.class,
                                e -> assertThat(e.byField())
                                        .containsEntry("meetingLink", "must start with https:// or http://"));
            }
            assertThat(DebriefDetails.parse(
                                    "D", "2027-01-12", "09:30", "UTC", "60", "HTTPS://Meet.Example.org/a?b=c", 1L)
                            .meetingLink())
                    .isEqualTo("HTTPS://Meet.Example.org/a?b=c");
        }

        @Test
        void theTitleAndLinkAreBounded() {
            assertThatThrownBy(() -> DebriefDetails.parse(
                            "t".repeat(201),
                            "2027-01-12",
                            "09:30",
                            "UTC",
                            "60",
                            "https://m.example/" + "a".repeat(2000),
                            1L))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.byField())
                                    .containsEntry("title", "is longer than 200 characters")
                                    .containsEntry("meetingLink", "is longer than 2000 characters"));
        }
    }

    @Test
    void peopleChooseFromTheIanaZonesThoughICal4jAddsZonesOfItsOwn() {
        // iCal4j's zone rules provider is on the class path and adds ids such as "ical4j~<uuid>".
        assertThat(java.time.ZoneId.getAvailableZoneIds()).anyMatch(id -> id.startsWith("ical4j~"));
        assertThat(org.kintsugi.shared.Zones.all())
                .contains("Europe/Berlin", "UTC")
                .noneMatch(id -> id.contains("~"));
        String ical4jZone = java.time.ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("~"))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> at("2027-01-12", "09:30", ical4jZone))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.byField()).containsKey("zone"));
    }

    @Test
    void addressesAreCheckedOneByOne() {
        assertThat(Addresses.problem("ana@example.org")).isNull();
        assertThat(Addresses.problem("not an address")).isNotNull();
        assertThat(Addresses.problem("Ana <ana@example.org>"))
                .isEqualTo("must be a bare address such as ana@example.org");
        assertThat(Addresses.problem("a".repeat(250) + "@example.org")).isEqualTo("is longer than 254 characters");
    }
}
