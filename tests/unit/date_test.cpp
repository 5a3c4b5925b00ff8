// Calendar dates: strict "YYYY-MM-DD" parsing, printing, ordering and day arithmetic.
#include "domain/date.hpp"

#include <gtest/gtest.h>

namespace {

using cdcwb::domain::Date;

TEST(Date, ParsesAnIsoCalendarDateAndPrintsItBack) {
    auto d = Date::parse("2026-04-01");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->to_string(), "2026-04-01");
}

TEST(Date, PrintsLeadingZerosInMonthAndDay) {
    EXPECT_EQ(Date::parse("0999-01-09")->to_string(), "0999-01-09");
}

TEST(Date, RejectsAnythingButYyyyMmDd) {
    for (const char* bad :
         {"", "2026-4-01", "2026-04-1", "26-04-01", "2026/04/01", "2026.04.01", "20260401",
          " 2026-04-01", "2026-04-01 ", "2026-04-01T00:00", "2026-04-0a", "+026-04-01",
          "2026-+4-01", "2026--4-01", "abcd-ef-gh", "01-04-2026"})
        EXPECT_FALSE(Date::parse(bad).has_value()) << '"' << bad << '"';
}

TEST(Date, RejectsImpossibleDays) {
    for (const char* bad : {"2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01",
                            "2026-00-10", "2026-01-00", "2026-01-32", "2026-06-31"})
        EXPECT_FALSE(Date::parse(bad).has_value()) << bad;
}

TEST(Date, AcceptsLeapDaysOfLeapYears) {
    EXPECT_TRUE(Date::parse("2024-02-29").has_value());
    EXPECT_TRUE(Date::parse("2000-02-29").has_value());
    EXPECT_TRUE(Date::parse("2026-12-31").has_value());
}

TEST(Date, OrdersChronologically) {
    auto a = *Date::parse("2025-12-31");
    auto b = *Date::parse("2026-01-01");
    EXPECT_LT(a, b);
    EXPECT_GT(b, a);
    EXPECT_EQ(a, *Date::parse("2025-12-31"));
}

TEST(Date, PlusDaysCrossesMonthAndYearEnds) {
    auto d = *Date::parse("2025-12-31");
    EXPECT_EQ(d.plus_days(1).to_string(), "2026-01-01");
    EXPECT_EQ(Date::parse("2024-02-28")->plus_days(1).to_string(), "2024-02-29");
    EXPECT_EQ(Date::parse("2026-03-01")->plus_days(-1).to_string(), "2026-02-28");
    EXPECT_EQ(d.plus_days(0), d);
}

TEST(Date, DaysSinceCountsWholeDaysAndIsNegativeBackwards) {
    auto a = *Date::parse("2026-01-01");
    auto b = *Date::parse("2026-07-02");
    EXPECT_EQ(b.days_since(a), 182);
    EXPECT_EQ(a.days_since(b), -182);
    EXPECT_EQ(a.days_since(a), 0);
}

} // namespace

namespace {

TEST(Date, TimesAreWrittenAsUtcIsoWithMilliseconds) {
    using namespace std::chrono;
    const auto at =
        sys_days{year{2026} / 11 / 22} + hours(5) + minutes(30) + seconds(25) + milliseconds(123);
    EXPECT_EQ(cdcwb::domain::to_iso_utc(at), "2026-11-22T05:30:25.123Z");
    EXPECT_EQ(cdcwb::domain::to_iso_utc(sys_days{year{1999} / 12 / 31}),
              "1999-12-31T00:00:00.000Z");
}

} // namespace
