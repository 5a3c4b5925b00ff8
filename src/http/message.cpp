#include "http/message.hpp"

#include <sodium.h>

namespace cdcwb::http {

std::string etag_of(std::string_view body) {
    unsigned char digest[crypto_generichash_BYTES_MIN];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(body.data()),
                       body.size(), nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string("\"") + hex + "\"";
}

bool etag_matches(std::string_view header, const std::string& etag) {
    if (header == "*") return true;
    while (!header.empty()) {
        const auto end = header.find(',');
        std::string_view one = header.substr(0, end);
        while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
        while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
        if (one.substr(0, 2) == "W/") one.remove_prefix(2);
        if (one == etag) return true;
        if (end == std::string_view::npos) break;
        header.remove_prefix(end + 1);
    }
    return false;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::string_view Request::header(std::string_view name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string_view() : std::string_view(it->second);
}

std::string Request::cookie(std::string_view name) const {
    std::string_view all = header("cookie");
    while (!all.empty()) {
        const auto end = all.find(';');
        std::string_view part = all.substr(0, end);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        const auto eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == name)
            return std::string(part.substr(eq + 1));
        if (end == std::string_view::npos) break;
        all.remove_prefix(end + 1);
    }
    return {};
}

void Response::set_header(std::string name, std::string value) {
    for (auto& [n, v] : headers)
        if (n == name) {
            v = std::move(value);
            return;
        }
    headers.emplace_back(std::move(name), std::move(value));
}

bool percent_decode(std::string_view in, std::string& out, bool plus_is_space) {
    out.clear();
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '%') {
            const int hi = i + 1 < in.size() ? hex_value(in[i + 1]) : -1;
            const int lo = i + 2 < in.size() ? hex_value(in[i + 2]) : -1;
            if (hi < 0 || lo < 0) return false;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (plus_is_space && in[i] == '+') {
            out.push_back(' ');
        } else {
            out.push_back(in[i]);
        }
    }
    return true;
}

std::map<std::string, std::string, std::less<>> parse_query(std::string_view query) {
    std::map<std::string, std::string, std::less<>> out;
    while (!query.empty()) {
        const auto end = query.find('&');
        const std::string_view pair = query.substr(0, end);
        const auto eq = pair.find('=');
        std::string key, value;
        if (percent_decode(pair.substr(0, eq), key, true) &&
            (eq == std::string_view::npos || percent_decode(pair.substr(eq + 1), value, true)) &&
            !key.empty())
            out[key] = value;
        if (end == std::string_view::npos) break;
        query.remove_prefix(end + 1);
    }
    return out;
}

} // namespace cdcwb::http
