// Languages and text given in both of them. Everything a user reads exists in English and Japanese.
#pragma once

#include "domain/result.hpp"

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

/// The number of Unicode code points in `text`, or nullopt when it is not well-formed UTF-8 (no
/// overlong forms, surrogates or code points past U+10FFFF).
std::optional<std::size_t> code_points(std::string_view text);
inline bool valid_utf8(std::string_view text) {
    return code_points(text).has_value();
}

/// Free text a person typed: well-formed UTF-8 of at most `max_bytes` bytes, without control
/// characters other than tab and line breaks.
Status validate_text(std::string_view text, const std::string& field, std::size_t max_bytes);

inline constexpr std::size_t kShortText = 500;  ///< names, titles, owners, ids
inline constexpr std::size_t kLongText = 20000; ///< rationale, descriptions, notes

} // namespace cdcwb::domain
