// The HMAC half of two-factor codes against RFC 6238's SHA-1 vectors (appendix B), and the
// domain's rules run over real codes: ±1 step, no replay, an empty secret matches nothing.
#include "store/totp_codes.hpp"

#include <gtest/gtest.h>
#include <vector>

namespace cdcwb::store::totp_codes {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

const std::string kRfcSecret = "12345678901234567890"; // RFC 6238's SHA-1 seed

system_clock::time_point at(long long unix_seconds) {
    return system_clock::time_point(seconds(unix_seconds));
}

TEST(TotpCodes, Rfc6238Sha1Vectors) {
    // Appendix B gives 8-digit codes; the 6-digit code is their last 6 digits.
    const std::vector<std::pair<long long, std::string>> vectors{
        {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
        {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
    // (The year-2603 vector lies beyond system_clock's nanoseconds: its step is given directly.)
    for (const auto& [time, code] : vectors) {
        EXPECT_EQ(code_at(kRfcSecret, time / 30, 8), code) << time;
        EXPECT_EQ(code_at(kRfcSecret, time / 30), code.substr(2)) << time;
    }
}

TEST(TotpCodes, ARealCodeMatchesWithinOneStepOnceAndNotForAnEmptySecret) {
    const auto now = at(1234567890);
    const auto step = domain::totp::step_of(now);
    for (const std::int64_t d : {-1, 0, 1})
        EXPECT_EQ(match(kRfcSecret, code_at(kRfcSecret, step + d), now, 0), step + d) << d;
    EXPECT_FALSE(match(kRfcSecret, code_at(kRfcSecret, step + 2), now, 0).has_value());
    EXPECT_FALSE(match(kRfcSecret, code_at(kRfcSecret, step), now, step).has_value()) << "a replay";
    EXPECT_FALSE(match(kRfcSecret, code_at("another secret", step), now, 0).has_value());
    EXPECT_FALSE(match("", code_at(kRfcSecret, step), now, 0).has_value()) << "no secret";
}

} // namespace
} // namespace cdcwb::store::totp_codes
