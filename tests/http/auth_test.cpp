// The sign-in limiter: failures counted per key within a window, a bounded number of keys, and
// expired keys dropped.
#include "http/auth.hpp"

#include <gtest/gtest.h>

namespace {

using cdcwb::http::FailureLimiter;

TEST(FailureLimiter, AKeyIsBlockedAfterMaxFailuresAndFreedBySuccess) {
    FailureLimiter limiter(3, std::chrono::seconds(60));
    for (int i = 0; i < 2; ++i) limiter.failed("user:a");
    EXPECT_FALSE(limiter.blocked("user:a"));
    limiter.failed("user:a");
    EXPECT_TRUE(limiter.blocked("user:a"));
    EXPECT_FALSE(limiter.blocked("user:b"));

    limiter.succeeded("user:a");
    EXPECT_FALSE(limiter.blocked("user:a"));
    EXPECT_EQ(limiter.size(), 0u);
}

TEST(FailureLimiter, AFloodOfNewKeysStaysBoundedAndLiftsNoLock) {
    FailureLimiter limiter(2, std::chrono::seconds(60), 100);
    limiter.failed("user:locked");
    limiter.failed("user:locked");
    for (int i = 0; i < 10000; ++i) limiter.failed("user:flood-" + std::to_string(i));

    EXPECT_LE(limiter.size(), 100u);
    EXPECT_TRUE(limiter.blocked("user:locked"));
    limiter.failed("user:flood-9999");
    EXPECT_TRUE(limiter.blocked("user:flood-9999")) << "the newest keys are kept";
}

TEST(FailureLimiter, KeysWhoseFailuresHaveExpiredAreDropped) {
    FailureLimiter limiter(2, std::chrono::seconds(0), 100);
    for (int i = 0; i < 50; ++i) limiter.failed("addr:" + std::to_string(i));
    EXPECT_FALSE(limiter.blocked("addr:3"));
    EXPECT_LT(limiter.size(), 50u) << "looking at an expired key drops it";

    for (int i = 50; i < 300; ++i) limiter.failed("addr:" + std::to_string(i));
    EXPECT_LE(limiter.size(), 100u);
}

} // namespace
