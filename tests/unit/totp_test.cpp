// TOTP against the test vectors of RFC 6238 (appendix B, SHA-1) and RFC 4648 (base32), and the
// rules the product adds: ±1 step, no replay of a step already used.
#include "domain/totp.hpp"

#include <gtest/gtest.h>

namespace cdcwb::domain::totp {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

const std::string kRfcSecret = "12345678901234567890"; // RFC 6238's SHA-1 seed

system_clock::time_point at(long long unix_seconds) {
    return system_clock::time_point(seconds(unix_seconds));
}

TEST(Totp, Rfc6238Sha1Vectors) {
    // Appendix B gives 8-digit codes; the 6-digit code is their last 6 digits.
    const std::vector<std::pair<long long, std::string>> vectors{
        {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
        {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
    // (The year-2603 vector lies beyond system_clock's nanoseconds: its step is given directly.)
    for (const auto& [time, code] : vectors) {
        EXPECT_EQ(code_at(kRfcSecret, time / 30, 8), code) << time;
        EXPECT_EQ(code_at(kRfcSecret, time / 30), code.substr(2)) << time;
        if (time < 10000000000) {
            EXPECT_EQ(step_of(at(time)), time / 30);
        }
    }
}

TEST(Totp, StepsAreThirtySecondsFromTheEpoch) {
    EXPECT_EQ(step_of(at(0)), 0);
    EXPECT_EQ(step_of(at(29)), 0);
    EXPECT_EQ(step_of(at(30)), 1);
    EXPECT_EQ(step_of(at(59)), 1);
    EXPECT_EQ(step_of(at(1111111109)), 0x23523EC);
}

TEST(Totp, ACodeMatchesOneStepEitherSideAndNoFurther) {
    const auto now = at(1234567890);
    const auto step = step_of(now);
    for (const std::int64_t d : {-1, 0, 1})
        EXPECT_EQ(match(kRfcSecret, code_at(kRfcSecret, step + d), now, 0), step + d) << d;
    for (const std::int64_t d : {-3, -2, 2, 3})
        EXPECT_FALSE(match(kRfcSecret, code_at(kRfcSecret, step + d), now, 0).has_value()) << d;
}

TEST(Totp, AStepAlreadyUsedOrEarlierMatchesNothing) {
    const auto now = at(1234567890);
    const auto step = step_of(now);
    const auto code = code_at(kRfcSecret, step);
    EXPECT_FALSE(match(kRfcSecret, code, now, step).has_value()) << "the same step again";
    EXPECT_FALSE(match(kRfcSecret, code, now, step + 1).has_value()) << "a later one was used";
    EXPECT_FALSE(match(kRfcSecret, code_at(kRfcSecret, step - 1), now, step - 1).has_value());
    EXPECT_EQ(match(kRfcSecret, code_at(kRfcSecret, step + 1), now, step), step + 1);
}

TEST(Totp, OnlySixDigitsAreACode) {
    const auto now = at(1234567890);
    const auto code = code_at(kRfcSecret, step_of(now));
    for (const std::string& bad : {std::string(), code.substr(1), code + "0", std::string("abcdef"),
                                   code.substr(0, 5) + " ", " " + code.substr(1)})
        EXPECT_FALSE(match(kRfcSecret, bad, now, 0).has_value()) << "'" << bad << "'";
    EXPECT_FALSE(match("", code, now, 0).has_value()) << "no secret, no match";
    EXPECT_TRUE(looks_like_code("012345"));
    EXPECT_FALSE(looks_like_code("01234a"));
}

TEST(Totp, Base32IsRfc4648WithoutPadding) {
    const std::vector<std::pair<std::string, std::string>> vectors{{"", ""},
                                                                   {"f", "MY"},
                                                                   {"fo", "MZXQ"},
                                                                   {"foo", "MZXW6"},
                                                                   {"foob", "MZXW6YQ"},
                                                                   {"fooba", "MZXW6YTB"},
                                                                   {"foobar", "MZXW6YTBOI"}};
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(base32_encode(plain), encoded);
        EXPECT_EQ(base32_decode(encoded), plain);
    }
    EXPECT_EQ(base32_decode("mzxw 6ytb oi=="), "foobar");
    EXPECT_FALSE(base32_decode("MZXW1").has_value()) << "1 is not base32";
    EXPECT_EQ(base32_encode(kRfcSecret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

TEST(Totp, TheUriNamesTheIssuerAccountAndParameters) {
    EXPECT_EQ(otpauth_uri("CDC Workbench", "alice@example.com", "GEZDGNBV"),
              "otpauth://totp/CDC%20Workbench:alice@example.com?secret=GEZDGNBV&issuer=CDC%"
              "20Workbench&algorithm=SHA1&digits=6&period=30");
}

} // namespace
} // namespace cdcwb::domain::totp
