#include "http/compression.hpp"

#include <cstdlib>
#include <zlib.h>

namespace cdcwb::http {

bool accepts_gzip(std::string_view accept_encoding) {
    const auto at = accept_encoding.find("gzip");
    if (at == std::string_view::npos) return false;
    std::string_view rest = accept_encoding.substr(at + 4);
    rest = rest.substr(0, rest.find(','));
    const auto q = rest.find("q=");
    if (q == std::string_view::npos) return true;
    const std::string value(rest.substr(q + 2));
    return std::strtod(value.c_str(), nullptr) > 0.0;
}

std::optional<std::string> gzip(std::string_view data, int level) {
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) return std::nullopt;
    out.resize(zs.total_out);
    return out;
}

const std::string* GzipOnce::of(std::string_view data) const {
    std::call_once(once_, [&] { packed_ = gzip(data); });
    return packed_ ? &*packed_ : nullptr;
}

} // namespace cdcwb::http
