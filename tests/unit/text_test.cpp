// Languages and bilingual text.
#include "domain/text.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::domain;

TEST(Text, LanguageTokensRoundTripAndUnknownOnesAreRejected) {
    for (Lang l : kLangs) EXPECT_EQ(parse_lang(to_string(l)), l);
    EXPECT_STREQ(to_string(Lang::en), "en");
    EXPECT_STREQ(to_string(Lang::ja), "ja");
    for (const char* bad : {"", "EN", "jp", "ja-JP", "fr"}) EXPECT_FALSE(parse_lang(bad)) << bad;
}

TEST(Text, LocalizedTextPicksTheLanguageAsked) {
    LocalizedText t{"Basic", "ベーシック"};
    EXPECT_EQ(t.in(Lang::en), "Basic");
    EXPECT_EQ(t.in(Lang::ja), "ベーシック");
    t.in(Lang::ja) = "基本";
    EXPECT_EQ(t.ja, "基本");
}

TEST(Text, LocalizedTextIsCompleteOnlyWithBothLanguages) {
    EXPECT_TRUE((LocalizedText{"a", "あ"}).complete());
    EXPECT_FALSE((LocalizedText{"a", ""}).complete());
    EXPECT_FALSE((LocalizedText{"", "あ"}).complete());
    EXPECT_FALSE(LocalizedText{}.complete());
}

} // namespace
