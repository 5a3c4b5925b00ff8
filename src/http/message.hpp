// The HTTP request and response as the rest of the server sees them: plain values, no Beast.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::http {

class GzipOnce;

struct Request {
    std::string method; ///< "GET", "POST" …
    std::string path;   ///< without the query, percent-decoded segments are the router's job
    std::map<std::string, std::string, std::less<>> query;
    std::map<std::string, std::string, std::less<>> headers; ///< names lowercased
    std::string body;
    std::string remote_address;
    std::string request_id;

    /// A header's value, or "" when absent. `name` is lowercase.
    std::string_view header(std::string_view name) const;
    /// The value of a cookie, or "".
    std::string cookie(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    /// Set instead of `body` for an answer shared between requests (a cached one): sent without
    /// copying it.
    std::shared_ptr<const std::string> shared_body;
    /// With `shared_body`: its gzip form, made once for every answer that shares the body.
    std::shared_ptr<const GzipOnce> gzip_once;
    /// Why this answer is an error, for the server's log only (never sent): what a 500 or a
    /// failing database said.
    std::string cause;

    void set_header(std::string name, std::string value);
    std::size_t body_size() const { return shared_body ? shared_body->size() : body.size(); }
    void clear_body() {
        body.clear();
        shared_body.reset();
        gzip_once.reset();
    }
};

/// A strong ETag for a body: a quoted hex digest of it.
std::string etag_of(std::string_view body);
/// Whether an If-None-Match header ("*", or a list of tags, weak or strong) names `etag`.
bool etag_matches(std::string_view header, const std::string& etag);

/// Splits "a=1&b=x%20y" into decoded pairs; later duplicates win.
std::map<std::string, std::string, std::less<>> parse_query(std::string_view query);
/// Percent-decodes one component ("+" stays "+" outside queries). False when malformed.
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space);

} // namespace cdcwb::http
