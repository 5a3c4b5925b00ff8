// TOTP's rules without a crypto library: RFC 4226's truncation of given HMAC values (appendix D),
// RFC 4648's base32 vectors, and the rules the product adds: ±1 step, no replay of a step already
// used. The HMAC itself, with RFC 6238's vectors, is tested in tests/store/totp_codes_test.cpp.
#include "domain/totp.hpp"

#include <gtest/gtest.h>
#include <span>
#include <stdexcept>
#include <vector>

namespace cdcwb::domain::totp {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

const std::string kRfcSecret = "12345678901234567890"; // RFC 6238's SHA-1 seed

system_clock::time_point at(long long unix_seconds) {
    return system_clock::time_point(seconds(unix_seconds));
}

std::vector<unsigned char> from_hex(std::string_view hex) {
    std::vector<unsigned char> out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(
            static_cast<unsigned char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

TEST(Totp, TruncationGivesRfc4226sCodesForItsHmacValues) {
    // RFC 4226 appendix D: the HMAC-SHA1 of counters 0–9 under its seed, and their 6-digit codes.
    const std::vector<std::pair<std::string, std::string>> vectors{
        {"cc93cf18508d94934c64b65d8ba7667fb7cde4b0", "755224"},
        {"75a48a19d4cbe100644e8ac1397eea747a2d33ab", "287082"},
        {"0bacb7fa082fef30782211938bc1c5e70416ff44", "359152"},
        {"66c28227d03a2d5529262ff016a1e6ef76557ece", "969429"},
        {"a904c900a64b35909874b33e61c5938a8e15ed1c", "338314"},
        {"a37e783d7b7233c083d4f62926c7a25f238d0316", "254676"},
        {"bc9cd28561042c83f219324d3c607256c03272ae", "287922"},
        {"a4fb960c0bc06e1eabb804e5b397cdc4b45596fa", "162583"},
        {"1b3c89f65e6c9e883012052823443f048b4332db", "399871"},
        {"1637409809a679dc698207310c8c7fc07290d9e5", "520489"}};
    for (const auto& [mac, code] : vectors) EXPECT_EQ(truncate(from_hex(mac)), code) << mac;
    // Leading zeros are kept, and the 8-digit form ends with the 6-digit one.
    EXPECT_EQ(truncate(from_hex("cc93cf18508d94934c64b65d8ba7667fb7cde4b0"), 8), "84755224");
}

TEST(Totp, TruncationRefusesAShortValueOrImpossibleLength) {
    const auto mac = from_hex("cc93cf18508d94934c64b65d8ba7667fb7cde4b0");
    EXPECT_THROW((void)truncate(std::span<const unsigned char>(mac.data(), 19)),
                 std::invalid_argument);
    EXPECT_THROW((void)truncate(mac, 0), std::invalid_argument);
    EXPECT_THROW((void)truncate(mac, 10), std::invalid_argument);
}

TEST(Totp, TheCounterIsTheStepAsEightBigEndianBytes) {
    const std::array<unsigned char, 8> one{0, 0, 0, 0, 0, 0, 0, 1};
    EXPECT_EQ(counter_bytes(1), one);
    const std::array<unsigned char, 8> big{0, 0, 0, 0, 0x02, 0x35, 0x23, 0xEC};
    EXPECT_EQ(counter_bytes(0x23523EC), big);
}

TEST(Totp, StepsAreThirtySecondsFromTheEpoch) {
    EXPECT_EQ(step_of(at(0)), 0);
    EXPECT_EQ(step_of(at(29)), 0);
    EXPECT_EQ(step_of(at(30)), 1);
    EXPECT_EQ(step_of(at(59)), 1);
    EXPECT_EQ(step_of(at(1111111109)), 0x23523EC);
    EXPECT_EQ(step_of(at(1234567890)), 1234567890 / 30);
}

/// Codes that differ for every step, without a HMAC: the rules of match() need no crypto.
std::string fake_code(std::int64_t step) {
    std::string text = std::to_string(100000 + step % 900000);
    return text.substr(text.size() - 6);
}

TEST(Totp, ACodeMatchesOneStepEitherSideAndNoFurther) {
    const auto now = at(1234567890);
    const auto step = step_of(now);
    for (const std::int64_t d : {-1, 0, 1})
        EXPECT_EQ(match(fake_code(step + d), now, 0, fake_code), step + d) << d;
    for (const std::int64_t d : {-3, -2, 2, 3})
        EXPECT_FALSE(match(fake_code(step + d), now, 0, fake_code).has_value()) << d;
}

TEST(Totp, AStepAlreadyUsedOrEarlierMatchesNothing) {
    const auto now = at(1234567890);
    const auto step = step_of(now);
    const auto code = fake_code(step);
    EXPECT_FALSE(match(code, now, step, fake_code).has_value()) << "the same step again";
    EXPECT_FALSE(match(code, now, step + 1, fake_code).has_value()) << "a later one was used";
    EXPECT_FALSE(match(fake_code(step - 1), now, step - 1, fake_code).has_value());
    EXPECT_EQ(match(fake_code(step + 1), now, step, fake_code), step + 1);
}

TEST(Totp, OnlySixDigitsAreACode) {
    const auto now = at(1234567890);
    const auto code = fake_code(step_of(now));
    for (const std::string& bad : {std::string(), code.substr(1), code + "0", std::string("abcdef"),
                                   code.substr(0, 5) + " ", " " + code.substr(1)})
        EXPECT_FALSE(match(bad, now, 0, fake_code).has_value()) << "'" << bad << "'";
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
