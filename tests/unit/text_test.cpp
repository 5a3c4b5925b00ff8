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

namespace {

using namespace cdcwb::domain;

TEST(Utf8, CountsCodePointsAndRejectsMalformedSequences) {
    EXPECT_EQ(code_points(""), 0u);
    EXPECT_EQ(code_points("abc"), 3u);
    EXPECT_EQ(code_points("霞ロジ"), 3u);
    EXPECT_EQ(code_points("\xF0\x9F\x98\x80"), 1u);                       // U+1F600, four bytes
    for (std::string bad : {std::string("\xff"), std::string("\xC0\xAF"), // overlong '/'
                            std::string("\xED\xA0\x80"),                  // surrogate
                            std::string("\xF4\x90\x80\x80"),              // past U+10FFFF
                            std::string("\xE3\x81"),                      // cut short
                            std::string("a\x80"
                                        "b")}) { // stray continuation
        EXPECT_FALSE(code_points(bad)) << "accepted a malformed sequence";
        EXPECT_FALSE(valid_utf8(bad));
    }
}

TEST(Utf8, FreeTextIsValidUtf8WithinItsLengthAndWithoutControlCharacters) {
    EXPECT_TRUE(validate_text("line one\nline two\ttabbed\r\n", "note", 100).ok());
    EXPECT_TRUE(validate_text("", "note", 0).ok());
    auto too_long = validate_text(std::string(11, 'x'), "note", 10);
    ASSERT_FALSE(too_long.ok());
    EXPECT_EQ(too_long.error().field, "note");
    EXPECT_NE(too_long.error().message.find("at most 10"), std::string::npos);
    auto control = validate_text(std::string("bell\a"), "note", 100);
    ASSERT_FALSE(control.ok());
    EXPECT_NE(control.error().message.find("control character"), std::string::npos);
    auto broken = validate_text("\xff", "owner", 100);
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().field, "owner");
    EXPECT_NE(broken.error().message.find("UTF-8"), std::string::npos);
}

} // namespace
