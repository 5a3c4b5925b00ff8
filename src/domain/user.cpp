#include "domain/user.hpp"

#include <algorithm>

namespace cdcwb::domain {

namespace {

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

} // namespace

Status validate_username(std::string_view name, const std::string& field) {
    const auto allowed = [](char c) {
        return ascii_alnum(c) || c == '.' || c == '_' || c == '-' || c == '@';
    };
    if (name.empty() || name.size() > kMaxUsernameLength || !ascii_alnum(name.front()) ||
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
    const auto n = code_points(password);
    if (!n) return invalid("the password is not valid UTF-8 text", field);
    if (*n < kMinPasswordLength)
        return invalid("a password needs at least " + std::to_string(kMinPasswordLength) +
                           " characters",
                       field);
    return {};
}

PasswordList PasswordList::parse(std::string_view text) {
    PasswordList list;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        list.sorted_.push_back(ascii_lower(line));
    }
    std::sort(list.sorted_.begin(), list.sorted_.end());
    list.sorted_.erase(std::unique(list.sorted_.begin(), list.sorted_.end()), list.sorted_.end());
    return list;
}

bool PasswordList::contains(std::string_view password) const {
    return std::binary_search(sorted_.begin(), sorted_.end(), ascii_lower(password));
}

Status validate_new_password(std::string_view password, std::string_view username,
                             const PasswordList& common, const std::string& field) {
    if (auto s = validate_password(password, field); !s) return s;
    const std::string lower = ascii_lower(password);
    const std::string name = ascii_lower(username);
    if (!name.empty() && (lower == name || (name.size() >= kMinUsernameInPassword &&
                                            lower.find(name) != std::string::npos)))
        return invalid("the password must not contain the user name", field);
    if (common.contains(password))
        return invalid("this password is one of the most common ones and easily guessed; choose "
                       "another",
                       field);
    return {};
}

Status validate_lang(std::string_view lang, const std::string& field) {
    if (lang != "en" && lang != "ja")
        return invalid("unknown language '" + std::string(lang) + "'; use en or ja", field);
    return {};
}

Result<std::chrono::seconds> token_lifetime(std::optional<long long> days,
                                            const std::string& field) {
    const long long n = days.value_or(kDefaultTokenDays);
    if (n < kMinTokenDays || n > kMaxTokenDays)
        return invalid(field + " must be " + std::to_string(kMinTokenDays) + " to " +
                           std::to_string(kMaxTokenDays) + " (days); without it a token lives " +
                           std::to_string(kDefaultTokenDays),
                       field);
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::hours(24) * n);
}

bool two_factor_required(TwoFactorRequirement requirement, bool is_admin) {
    return requirement == TwoFactorRequirement::everyone ||
           (requirement == TwoFactorRequirement::admins && is_admin);
}

bool scope_allows(TokenScope scope, std::string_view method) {
    return scope == TokenScope::read_write || method == "GET" || method == "HEAD";
}

} // namespace cdcwb::domain
