// Reading request bodies and writing responses as JSON: one error shape, one table from error
// codes to HTTP statuses, a depth limit and UTF-8 check on input, and readers that name the
// offending field when a value has the wrong type.
#pragma once

#include "domain/result.hpp"
#include "http/message.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cdcwb::http {

using Json = nlohmann::ordered_json;

inline constexpr int kMaxJsonDepth = 32;
/// Members of one JSON object in a request: no object the API reads has a tenth of this, and it
/// keeps parsing linear (an insertion-ordered object looks a key up among those before it).
inline constexpr std::size_t kMaxJsonMembers = 256;
/// Bytes of one JSON string (or key) in a request.
inline constexpr std::size_t kMaxJsonString = 64 * 1024;

/// The HTTP status for each error code (the one table; docs/api.md lists it): invalid_input and
/// bad_request 400 (422 is not used: one status for bad input), unauthenticated 401, forbidden
/// 403, not_found 404, method_not_allowed 405, conflict 409, payload_too_large 413,
/// too_many_requests 429, headers_too_large 431, internal 500, unavailable 503.
int status_of(domain::ErrorCode code);

/// `{"error": {"code": "invalid_input", "message": "...", "field": "as_is"}}`; the message of an
/// internal error is a generic one, and an error's `cause` is never included (the server adds
/// "request_id" to every error it sends).
Json error_json(const domain::Error& error);
/// The error as JSON with its status; the cause of an internal error (or any error with a
/// `cause`) goes to Response::cause, which the server logs.
Response error_response(const domain::Error& error);

Response json_response(const Json& body, int status = 200);

/// Parses a request body: valid UTF-8, JSON, nested at most kMaxJsonDepth deep, objects of at most
/// kMaxJsonMembers members, strings of at most kMaxJsonString bytes, an object. Input over a limit
/// is refused after one pass that builds nothing.
domain::Result<Json> parse_body(const Request& request);

/// Like parse_body, but an empty body is an empty object (for bodies that are all optional).
domain::Result<Json> parse_optional_body(const Request& request);

/// Overwrites with zeros, then empties, every string member of `object` (not nested) whose name
/// has "password" in it: the parsed copy of a password is wiped once it has been read.
void wipe_passwords(Json& object);

/// A parsed body read by `decode(json)`, which returns a Result; the parsed passwords are wiped
/// afterwards (wipe_passwords).
template <class Decode>
auto decoded(domain::Result<Json> body, Decode&& decode) -> decltype(decode(Json())) {
    if (!body) return body.error();
    auto out = decode(*body);
    wipe_passwords(*body);
    return out;
}
/// The request body (parse_body) read by `decode(json)`.
template <class Decode> auto decoded_body(const Request& request, Decode&& decode) {
    return decoded(parse_body(request), std::forward<Decode>(decode));
}
/// The request body, empty meaning `{}` (parse_optional_body), read by `decode(json)`.
template <class Decode> auto decoded_optional_body(const Request& request, Decode&& decode) {
    return decoded(parse_optional_body(request), std::forward<Decode>(decode));
}

/// Field readers: absent → nullopt (or the default); present with the wrong type → an error
/// naming `prefix + name` and the type expected.
class Fields {
  public:
    Fields(const Json& object, std::string prefix = {})
        : object_(object), prefix_(std::move(prefix)) {}

    std::optional<std::string> text(std::string_view name);
    std::optional<long long> integer(std::string_view name);
    std::optional<bool> boolean(std::string_view name);
    std::optional<std::vector<std::string>> texts(std::string_view name);
    const Json* object(std::string_view name);
    bool has(std::string_view name) const { return object_.contains(name); }
    bool is_null(std::string_view name) const {
        return object_.contains(name) && object_.at(std::string(name)).is_null();
    }
    /// Fails when the object has a key not in `known`.
    void only(std::initializer_list<std::string_view> known);

    /// The first problem met, if any.
    const std::optional<domain::Error>& error() const { return error_; }
    std::string field(std::string_view name) const { return prefix_ + std::string(name); }

  private:
    void fail(std::string_view name, const std::string& message);
    const Json& object_;
    std::string prefix_;
    std::optional<domain::Error> error_;
};

} // namespace cdcwb::http
