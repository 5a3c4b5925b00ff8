// A calendar date (no time of day): evaluations, events and due dates are dated, not timed.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::domain {

class Date {
  public:
    Date() = default;
    explicit Date(std::chrono::sys_days days) : days_(days) {}

    /// Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt for anything else or an impossible day.
    static std::optional<Date> parse(std::string_view text);

    std::string to_string() const; ///< "YYYY-MM-DD"
    std::chrono::sys_days days() const { return days_; }
    Date plus_days(int n) const { return Date(days_ + std::chrono::days(n)); }
    /// Whole days from `earlier` to this date (negative when this date is earlier).
    int days_since(Date earlier) const { return static_cast<int>((days_ - earlier.days_).count()); }

    friend auto operator<=>(const Date&, const Date&) = default;

  private:
    std::chrono::sys_days days_{};
};

/// A point in time as UTC ISO 8601 with milliseconds, "2026-11-22T05:30:25.123Z": the form the
/// store keeps times in and the access log prints (it sorts as text).
std::string to_iso_utc(std::chrono::system_clock::time_point at);

} // namespace cdcwb::domain
