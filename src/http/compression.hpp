// gzip for answers: whether a client accepts it, and compressing a body.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::http {

/// Whether Accept-Encoding allows gzip: "gzip", "deflate, gzip;q=0.8"; "gzip;q=0" refuses it.
bool accepts_gzip(std::string_view accept_encoding);

/// `data` as a gzip stream (zlib level 1–9), or nullopt when zlib fails.
std::optional<std::string> gzip(std::string_view data, int level = 6);

/// The gzip form of one body shared between answers (a cached one): made by the first answer that
/// wants it, then kept for every later one.
class GzipOnce {
  public:
    /// `data` (the same body on every call) gzipped; nullptr when zlib fails.
    const std::string* of(std::string_view data) const;

  private:
    mutable std::once_flag once_;
    mutable std::optional<std::string> packed_;
};

} // namespace cdcwb::http
