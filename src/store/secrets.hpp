// Inside the store: password hashing (argon2id, libsodium's interactive limits), random tokens,
// the one-way hashes under which tokens and sessions are stored, and wiping a password's bytes
// once it has been used.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::store::secrets {

/// An argon2id hash in libsodium's self-describing string form.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
/// Spends as long as a verification, for unknown users (no timing hint that a name is unknown).
void dummy_verify(std::string_view password);

/// `bytes` random bytes.
std::string random_bytes(std::size_t bytes);
/// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes);
/// Lowercase hex SHA-256.
std::string sha256_hex(std::string_view data);

/// Overwrites the text's bytes with zeros (sodium_memzero: not optimised away), then empties it.
/// Only this buffer: copies made before (a moved short string's, a parser's) are not reached.
void wipe(std::string& text);

/// Wipes a password when the scope that holds it ends, however it ends.
class WipeOnExit {
  public:
    explicit WipeOnExit(std::string& text) : text_(&text) {}
    explicit WipeOnExit(std::optional<std::string>& text) : text_(text ? &*text : nullptr) {}
    ~WipeOnExit() {
        if (text_) wipe(*text_);
    }
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;

  private:
    std::string* text_;
};

std::string base64_encode(std::string_view data);
std::optional<std::string> base64_decode(std::string_view text);

} // namespace cdcwb::store::secrets
