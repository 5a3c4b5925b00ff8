// Expected failures as values: error codes, descriptions and Result/Status.
#include "domain/result.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::domain;

TEST(Result, ErrorCodesHaveStableNames) {
    EXPECT_STREQ(to_string(ErrorCode::invalid_input), "invalid_input");
    EXPECT_STREQ(to_string(ErrorCode::not_found), "not_found");
    EXPECT_STREQ(to_string(ErrorCode::conflict), "conflict");
    EXPECT_STREQ(to_string(ErrorCode::forbidden), "forbidden");
    EXPECT_STREQ(to_string(ErrorCode::unauthenticated), "unauthenticated");
    EXPECT_STREQ(to_string(ErrorCode::internal), "internal");
}

TEST(Result, DescribeLeavesOutTheUnknownParts) {
    EXPECT_EQ(invalid("bad").describe(), "bad");
    EXPECT_EQ(invalid("bad", "services.A-1.as_is").describe(), "services.A-1.as_is: bad");
    Error e = invalid("bad", "level");
    e.file = "org.yaml";
    EXPECT_EQ(e.describe(), "org.yaml: level: bad");
    e.line = 12;
    EXPECT_EQ(e.describe(), "org.yaml:12: level: bad");
    e.file.clear();
    EXPECT_EQ(e.describe(), "line 12: level: bad");
}

TEST(Result, InvalidMakesAnInvalidInputError) {
    Error e = invalid("message", "field");
    EXPECT_EQ(e.code, ErrorCode::invalid_input);
    EXPECT_EQ(e.message, "message");
    EXPECT_EQ(e.field, "field");
}

TEST(Result, HoldsEitherAValueOrAnError) {
    Result<int> good(7);
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(*good, 7);
    Result<int> bad(invalid("no"));
    ASSERT_FALSE(bad.ok());
    EXPECT_FALSE(static_cast<bool>(bad));
    EXPECT_EQ(bad.error().message, "no");
}

TEST(Result, StatusIsOkByDefaultAndFailsWithAnError) {
    Status ok;
    EXPECT_TRUE(ok.ok());
    Status failed(invalid("no", "f"));
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().field, "f");
}

} // namespace
