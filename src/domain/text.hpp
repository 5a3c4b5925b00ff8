// Languages and text given in both of them. Everything a user reads exists in English and Japanese.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::domain {

enum class Lang { en, ja };

inline constexpr std::array<Lang, 2> kLangs{Lang::en, Lang::ja};

const char* to_string(Lang lang);
std::optional<Lang> parse_lang(std::string_view text);

struct LocalizedText {
    std::string en;
    std::string ja;

    const std::string& in(Lang lang) const { return lang == Lang::ja ? ja : en; }
    std::string& in(Lang lang) { return lang == Lang::ja ? ja : en; }
    bool complete() const { return !en.empty() && !ja.empty(); }
    friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

} // namespace cdcwb::domain
