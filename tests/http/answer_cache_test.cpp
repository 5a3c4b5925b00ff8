// The answer cache: a byte bound that counts keys and bodies, least-recently-used eviction,
// versions, forgetting by prefix, and keys that cannot be confused.
#include "http/answer_cache.hpp"
#include "http/compression.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::http;

Response answer(std::size_t bytes) {
    Response r;
    r.body = std::string(bytes, 'a');
    return r;
}

TEST(AnswerCache, AnAnswerIsFoundOnlyAtTheVersionItWasComputedAt) {
    AnswerCache cache(1 << 20);
    cache.put("k", 3, answer(10));

    ASSERT_TRUE(cache.find("k", 3));
    EXPECT_EQ(*cache.find("k", 3)->shared_body, std::string(10, 'a'));
    EXPECT_FALSE(cache.find("k", 4));
    EXPECT_FALSE(cache.find("k", 3)) << "a stale answer is dropped when met";
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.bytes(), 0u);
}

TEST(AnswerCache, KeysCountAgainstTheBound) {
    const std::string long_key(5000, 'k');
    AnswerCache cache(AnswerCache::cost(long_key, answer(1)) * 3);
    for (int i = 0; i < 10; ++i) cache.put(std::to_string(i) + long_key, 1, answer(1));

    EXPECT_LE(cache.bytes(), AnswerCache::cost(long_key, answer(1)) * 3);
    EXPECT_LE(cache.size(), 3u);
    EXPECT_TRUE(cache.find("9" + long_key, 1)) << "the newest is kept";
}

TEST(AnswerCache, TheLeastRecentlyUsedAnswerGoesFirst) {
    AnswerCache cache(AnswerCache::cost("a", answer(100)) * 3);
    cache.put("a", 1, answer(100));
    cache.put("b", 1, answer(100));
    cache.put("c", 1, answer(100));
    ASSERT_TRUE(cache.find("a", 1)); // a is now the most recently used

    cache.put("d", 1, answer(100));

    EXPECT_TRUE(cache.find("a", 1));
    EXPECT_FALSE(cache.find("b", 1));
    EXPECT_TRUE(cache.find("c", 1));
    EXPECT_TRUE(cache.find("d", 1));
}

TEST(AnswerCache, AnAnswerLargerThanTheWholeBoundIsNotKept) {
    AnswerCache cache(1000);
    cache.put("small", 1, answer(10));
    cache.put("huge", 1, answer(5000));

    EXPECT_FALSE(cache.find("huge", 1));
    EXPECT_TRUE(cache.find("small", 1)) << "and pushes nothing out";
}

TEST(AnswerCache, ABoundOfZeroKeepsNothing) {
    AnswerCache cache(0); // `cdcwb serve --answer-cache 0`
    cache.put("a", 1, answer(1));
    EXPECT_FALSE(cache.find("a", 1));
}

TEST(AnswerCache, ForgettingAPrefixDropsExactlyItsAnswers) {
    AnswerCache cache(1 << 20);
    cache.put(key_part("acme") + "x", 1, answer(10));
    cache.put(key_part("acme") + "y", 1, answer(10));
    cache.put(key_part("acme2") + "x", 1, answer(10));

    cache.forget(key_part("acme"));

    EXPECT_EQ(cache.size(), 1u);
    EXPECT_TRUE(cache.find(key_part("acme2") + "x", 1));
}

TEST(AnswerCache, KeyPartsJoinWithoutAmbiguity) {
    EXPECT_NE(key_part("a=x&b=y"), key_part("a=x") + key_part("b=y"));
    EXPECT_NE(key_part("ab") + key_part("c"), key_part("a") + key_part("bc"));
    EXPECT_EQ(key_part(""), "0:");
}

TEST(AnswerCache, ACachedAnswerSharesOneBodyAndOneGzipForm) {
    AnswerCache cache(1 << 20);
    cache.put("k", 1, answer(4000));
    const auto first = cache.find("k", 1);
    const auto second = cache.find("k", 1);

    ASSERT_TRUE(first && second && first->gzip_once);
    EXPECT_EQ(first->shared_body, second->shared_body);
    EXPECT_EQ(first->gzip_once, second->gzip_once);
    const std::string* packed = first->gzip_once->of(*first->shared_body);
    ASSERT_NE(packed, nullptr);
    EXPECT_EQ(second->gzip_once->of(*second->shared_body), packed) << "compressed once";
    EXPECT_LT(packed->size(), 4000u);
}

} // namespace
