#include "cli/messages.hpp"
#include "cli/text_table.hpp"

#include <gtest/gtest.h>

namespace cdcwb::cli {
namespace {

TEST(TextTable, JapaneseCharactersTakeTwoCells) {
    EXPECT_EQ(display_width("abc"), 3);
    EXPECT_EQ(display_width("不要"), 4);
    EXPECT_EQ(display_width("CDCの戦略"), 3 + 2 * 3);
    EXPECT_EQ(display_width("ＡＢ"), 4); // full-width Latin
    EXPECT_EQ(display_width("é"), 1);
}

TEST(TextTable, TruncatesByCellsWithoutSplittingCharacters) {
    EXPECT_EQ(truncate("abcdef", 4), "abc…");
    EXPECT_EQ(truncate("abc", 4), "abc");
    EXPECT_EQ(truncate("日本語テキスト", 6), "日本…");
    EXPECT_EQ(display_width(truncate("日本語テキスト", 6)), 5);
}

TEST(TextTable, ColumnsLineUpForMixedScripts) {
    TextTable t({"ID", "Name", "N"},
                {TextTable::Align::left, TextTable::Align::left, TextTable::Align::right});
    t.add({"A-1", "リスク", "3"});
    t.add({"B-10", "Risk management", "12"});
    const std::string out = t.render("");
    // Every line's third column ends at the same display cell.
    std::size_t start = 0;
    std::vector<int> widths;
    while (start < out.size()) {
        auto end = out.find('\n', start);
        widths.push_back(display_width(out.substr(start, end - start)));
        start = end + 1;
    }
    ASSERT_EQ(widths.size(), 3u);
    EXPECT_EQ(widths[0], widths[1]);
    EXPECT_EQ(widths[1], widths[2]);
}

TEST(Messages, EveryKeyHasEnglishAndJapanese) {
    for (auto key : ui_keys()) {
        EXPECT_FALSE(ui(key, domain::Lang::en).empty()) << key;
        EXPECT_FALSE(ui(key, domain::Lang::ja).empty()) << key;
    }
    EXPECT_THROW(ui("no-such-key", domain::Lang::en), std::logic_error);
}

} // namespace
} // namespace cdcwb::cli
