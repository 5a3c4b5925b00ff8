// Rules for people's accounts: user names, passwords and the interface language.
#pragma once

#include "domain/result.hpp"
#include "domain/text.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::domain {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordBytes = 1024;
inline constexpr std::size_t kMaxUsernameLength = 64;
/// A user name as an ECMAScript pattern (validate_username applies it; GET /vocabulary sends it).
inline constexpr std::string_view kUsernamePattern = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$";

/// 1–64 of letters, digits, ".", "_", "-" and "@" (an e-mail address works), starting with a
/// letter or digit.
Status validate_username(std::string_view username, const std::string& field);

/// At least 12 characters (counted as Unicode code points), at most 1024 bytes, valid UTF-8.
Status validate_password(std::string_view password, const std::string& field);

/// Passwords too common to use (the product ships a list: data/common-passwords.txt), compared
/// ignoring ASCII case.
class PasswordList {
  public:
    PasswordList() = default;
    /// One password a line; blank lines and lines starting with '#' are skipped.
    static PasswordList parse(std::string_view text);
    bool contains(std::string_view password) const;
    std::size_t size() const { return sorted_.size(); }

  private:
    std::vector<std::string> sorted_; ///< lowercased
};

/// User names this long or longer may not appear anywhere in their password; shorter ones only
/// may not be the whole password (a two-letter name is in too many good passwords).
inline constexpr std::size_t kMinUsernameInPassword = 4;

/// A password being set (a new account, an administrator's reset, one's own change):
/// validate_password, not in `common`, and not the user name nor containing it (ignoring case;
/// see kMinUsernameInPassword).
Status validate_new_password(std::string_view password, std::string_view username,
                             const PasswordList& common, const std::string& field);

/// An API token lives 1 to 3660 days, or until revoked when no lifetime is given.
inline constexpr long long kMaxTokenDays = 3660;
Result<std::optional<std::chrono::seconds>> token_lifetime(std::optional<long long> days,
                                                           const std::string& field);

/// "en" or "ja".
Status validate_lang(std::string_view lang, const std::string& field);

} // namespace cdcwb::domain
