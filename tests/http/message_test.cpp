// Requests as handlers see them: cookies, query strings, percent-decoding.
#include "http/message.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::http;

TEST(Message, CookiesAreFoundByName) {
    Request r;
    r.headers["cookie"] = "theme=dark; cdcwb_session=abc123; other=x";
    EXPECT_EQ(r.cookie("cdcwb_session"), "abc123");
    EXPECT_EQ(r.cookie("theme"), "dark");
    EXPECT_EQ(r.cookie("missing"), "");
    EXPECT_EQ(r.cookie("cdcwb"), "");
}

TEST(Message, QueryStringsAreDecoded) {
    auto q = parse_query("from=2025-H2&to=2026%2DH1&note=a+b&empty=&=skipped");
    EXPECT_EQ(q["from"], "2025-H2");
    EXPECT_EQ(q["to"], "2026-H1");
    EXPECT_EQ(q["note"], "a b");
    EXPECT_EQ(q["empty"], "");
    EXPECT_EQ(q.count(""), 0u);
    std::string out;
    EXPECT_FALSE(percent_decode("%4", out, false));
    EXPECT_FALSE(percent_decode("%gg", out, false));
    EXPECT_TRUE(percent_decode("a+b%20c", out, false));
    EXPECT_EQ(out, "a+b c");
}

} // namespace
