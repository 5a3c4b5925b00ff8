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

std::optional<std::size_t> code_points(std::string_view text) {
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            n = 1;
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4;
            cp = c & 0x07;
        } else {
            return std::nullopt;
        }
        if (i + n > text.size()) return std::nullopt;
        for (std::size_t k = 1; k < n; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong =
            (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        i += n;
        ++count;
    }
    return count;
}

Status validate_text(std::string_view text, const std::string& field, std::size_t max_bytes) {
    if (!valid_utf8(text)) return invalid("the text is not valid UTF-8", field);
    if (text.size() > max_bytes)
        return invalid("the text has " + std::to_string(text.size()) + " bytes; at most " +
                           std::to_string(max_bytes) + " are allowed",
                       field);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            return invalid("the text contains a control character", field);
    }
    return {};
}

} // namespace cdcwb::domain
