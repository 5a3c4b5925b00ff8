#include "domain/user.hpp"

#include <algorithm>

namespace cdcwb::domain {

namespace {

bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Code points in `text`, or -1 when it is not valid UTF-8.
long code_points(std::string_view text) {
    long count = 0;
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
            return -1;
        }
        if (i + n > text.size()) return -1;
        for (std::size_t k = 1; k < n; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong =
            (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
        i += n;
        ++count;
    }
    return count;
}

} // namespace

bool valid_utf8(std::string_view text) {
    return code_points(text) >= 0;
}

Status validate_username(std::string_view name, const std::string& field) {
    const auto allowed = [](char c) {
        return ascii_alnum(c) || c == '.' || c == '_' || c == '-' || c == '@';
    };
    if (name.empty() || name.size() > 64 || !ascii_alnum(name.front()) ||
        !std::all_of(name.begin(), name.end(), allowed))
        return invalid("'" + std::string(name) +
                           "' is not a valid user name; use 1 to 64 of letters, digits, '.', '_', "
                           "'-' and '@', starting with a letter or digit",
                       field);
    return {};
}

Status validate_password(std::string_view password, const std::string& field) {
    if (password.size() > kMaxPasswordBytes)
        return invalid("a password has at most " + std::to_string(kMaxPasswordBytes) + " bytes",
                       field);
    const long n = code_points(password);
    if (n < 0) return invalid("the password is not valid UTF-8 text", field);
    if (static_cast<std::size_t>(n) < kMinPasswordLength)
        return invalid("a password needs at least " + std::to_string(kMinPasswordLength) +
                           " characters",
                       field);
    return {};
}

Status validate_lang(std::string_view lang, const std::string& field) {
    if (lang != "en" && lang != "ja")
        return invalid("unknown language '" + std::string(lang) + "'; use en or ja", field);
    return {};
}

} // namespace cdcwb::domain
