// The sign-in limiter: free failures, then waits that double up to a cap, refused attempts that
// neither count nor extend a wait, a bounded number of keys, forgotten keys dropped.
#include "http/auth.hpp"

#include <gtest/gtest.h>

namespace {

using cdcwb::http::FailureLimiter;
using std::chrono::seconds;

/// A limiter on a clock the test moves.
struct Limited {
    FailureLimiter::Clock::time_point now{};
    FailureLimiter limiter;
    explicit Limited(int free, std::size_t keys = 10000, seconds forget = seconds(900))
        : limiter(free, seconds(1), seconds(60), forget, keys, [this] { return now; }) {}
    void advance(seconds s) { now += s; }
};

TEST(FailureLimiter, FreeFailuresCostNothingThenEachStartsAWaitThatDoublesUpToTheCap) {
    Limited t(3);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(t.limiter.failed("user:a"), seconds(0));
    EXPECT_EQ(t.limiter.wait("user:a"), seconds(0));

    std::vector<long long> waits;
    for (int i = 0; i < 9; ++i) {
        waits.push_back(t.limiter.failed("user:a").count());
        EXPECT_EQ(t.limiter.wait("user:a").count(), waits.back());
        t.advance(seconds(waits.back()));
        EXPECT_EQ(t.limiter.wait("user:a"), seconds(0)) << "the wait ends when it says";
    }
    EXPECT_EQ(waits, (std::vector<long long>{1, 2, 4, 8, 16, 32, 60, 60, 60}));
    EXPECT_EQ(t.limiter.wait("user:b"), seconds(0)) << "other keys do not wait";
}

TEST(FailureLimiter, AWaitIsRoundedUpAndCountsDown) {
    Limited t(0);
    t.limiter.failed("k");
    t.limiter.failed("k");
    t.limiter.failed("k"); // 4 s
    t.advance(seconds(1));
    EXPECT_EQ(t.limiter.wait("k"), seconds(3));
    t.now += std::chrono::milliseconds(500);
    EXPECT_EQ(t.limiter.wait("k"), seconds(3)) << "2.5 s left is answered as 3";
}

TEST(FailureLimiter, SuccessAndTimeForgetAKey) {
    Limited t(1, 10000, seconds(900));
    t.limiter.failed("user:a");
    t.limiter.failed("user:a");
    t.limiter.succeeded("user:a");
    EXPECT_EQ(t.limiter.failures("user:a"), 0);
    EXPECT_EQ(t.limiter.size(), 0u);

    t.limiter.failed("user:b");
    t.limiter.failed("user:b");
    t.advance(seconds(899));
    EXPECT_EQ(t.limiter.failures("user:b"), 2);
    t.advance(seconds(1));
    EXPECT_EQ(t.limiter.failures("user:b"), 0) << "forgotten 15 minutes after the last failure";
    EXPECT_EQ(t.limiter.failed("user:b"), seconds(0)) << "and counting starts again";
}

TEST(FailureLimiter, AFloodOfNewKeysStaysBoundedAndLiftsNoWait) {
    Limited t(1, 100);
    t.limiter.failed("user:waiting");
    t.limiter.failed("user:waiting");
    for (int i = 0; i < 10000; ++i) t.limiter.failed("user:flood-" + std::to_string(i));

    EXPECT_LE(t.limiter.size(), 100u);
    EXPECT_GT(t.limiter.wait("user:waiting").count(), 0);
    t.limiter.failed("user:flood-9999");
    EXPECT_GT(t.limiter.wait("user:flood-9999").count(), 0) << "the newest keys are kept";
}

TEST(FailureLimiter, ForgottenKeysAreDroppedFirstWhenFull) {
    Limited t(2, 100, seconds(10));
    for (int i = 0; i < 100; ++i) t.limiter.failed("addr:" + std::to_string(i));
    t.advance(seconds(10));
    for (int i = 100; i < 300; ++i) t.limiter.failed("addr:" + std::to_string(i));
    EXPECT_LE(t.limiter.size(), 100u);
    EXPECT_EQ(t.limiter.failures("addr:299"), 1);
}

} // namespace
