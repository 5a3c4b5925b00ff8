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

/// The named schemas a schema's `$ref` may point to: the OpenAPI document's components
/// (json_mapping.cpp's schemas(), built once).
const Json& schema_components();

/// Reads the fields of a request body's object as its schema declares them: the schema (an object
/// schema, or an allOf of object schemas, as report/schema.hpp builds them) is the one list of the
/// fields a body may have, and the OpenAPI document shows the same schema. A key the schema does
/// not declare is an error naming the allowed ones; a value of the wrong type is an error naming
/// `prefix + name` and the type expected; absent or null reads as nullopt. Reading a field the
/// schema does not declare, or as a type it does not allow, is a bug in the decoder, not in the
/// input: it throws std::logic_error, so every test through a decoder also proves that the decoder
/// and its schema agree.
class Fields {
  public:
    Fields(const Json& object, const Json& schema, std::string prefix = {});

    std::optional<std::string> text(std::string_view name);
    std::optional<long long> integer(std::string_view name);
    std::optional<bool> boolean(std::string_view name);
    std::optional<std::vector<std::string>> texts(std::string_view name);
    const Json* object(std::string_view name);
    bool has(std::string_view name) const { return object_.contains(name); }
    /// Whether the schema declares the field.
    bool declares(std::string_view name) const { return properties_.contains(name); }

    /// The first problem met, if any.
    const std::optional<domain::Error>& error() const { return error_; }
    std::string field(std::string_view name) const { return prefix_ + std::string(name); }
    /// The declared schema of field `name` (for reading a nested object with its own Fields).
    const Json& schema_of(std::string_view name) const;

  private:
    /// The value of `name` when present and not null, after checking that the schema declares
    /// it with `type` among its types.
    const Json* value(std::string_view name, std::string_view type) const;
    void fail(std::string_view name, const std::string& message);
    const Json& object_;
    Json properties_;
    std::string prefix_;
    std::optional<domain::Error> error_;
};

} // namespace cdcwb::http
