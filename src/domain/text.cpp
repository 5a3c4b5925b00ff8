#include "domain/text.hpp"

namespace cdcwb::domain {

const char* to_string(Lang lang) {
    return lang == Lang::ja ? "ja" : "en";
}

std::optional<Lang> parse_lang(std::string_view text) {
    if (text == "en") return Lang::en;
    if (text == "ja") return Lang::ja;
    return std::nullopt;
}

} // namespace cdcwb::domain
