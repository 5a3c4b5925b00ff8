#include "http/json_io.hpp"

#include "domain/text.hpp"
#include "store/secrets.hpp"

#include <stdexcept>

namespace cdcwb::http {

using domain::Error;
using domain::ErrorCode;

int status_of(ErrorCode code) {
    switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::bad_request: return 400;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::method_not_allowed: return 405;
    case ErrorCode::conflict: return 409;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::headers_too_large: return 431;
    case ErrorCode::too_many_requests: return 429;
    case ErrorCode::internal: return 500;
    case ErrorCode::unavailable: return 503;
    }
    return 500;
}

Json error_json(const Error& error) {
    // A fault of ours says nothing about its cause: the request id (added by the server) finds
    // it in the log.
    const std::string message =
        error.code == ErrorCode::internal
            ? "the server failed; its operator finds the cause in its log under this request_id"
            : error.message;
    Json body{{"code", domain::to_string(error.code)}, {"message", message}};
    if (!error.field.empty()) body["field"] = error.field;
    return Json{{"error", body}};
}

Response error_response(const Error& error) {
    auto r = json_response(error_json(error), status_of(error.code));
    // Busy, or the database does not answer: worth retrying soon.
    if (error.code == ErrorCode::unavailable) r.set_header("Retry-After", "1");
    if (error.code == ErrorCode::internal)
        r.cause = error.cause.empty() ? error.message : error.message + ": " + error.cause;
    else if (!error.cause.empty())
        r.cause = error.message + ": " + error.cause;
    return r;
}

Response json_response(const Json& body, int status) {
    Response r;
    r.status = status;
    r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    return r;
}

namespace {

/// Walks a JSON text without building anything and stops at the first value over a limit, so
/// that building the document afterwards takes time in proportion to its size.
class ShapeCheck final : public nlohmann::json_sax<Json> {
  public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t& value) override { return short_enough(value); }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return open(true); }
    bool key(string_t& value) override {
        if (++members_.back() > kMaxJsonMembers)
            return fail("a JSON object in the body has more than " +
                        std::to_string(kMaxJsonMembers) + " members");
        return short_enough(value);
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& e) override {
        return fail(std::string("malformed JSON: ") + e.what());
    }

    const std::optional<domain::Error>& error() const { return error_; }

  private:
    bool open(bool object) {
        if (members_.size() >= static_cast<std::size_t>(kMaxJsonDepth))
            return fail("the JSON is nested more than " + std::to_string(kMaxJsonDepth) +
                        " levels deep");
        members_.push_back(object ? 0 : kNotAnObject);
        return true;
    }
    bool close() {
        members_.pop_back();
        return true;
    }
    bool short_enough(const string_t& value) {
        if (value.size() <= kMaxJsonString) return true;
        return fail("a JSON string in the body is longer than " + std::to_string(kMaxJsonString) +
                    " bytes");
    }
    bool fail(std::string message) {
        error_ = domain::invalid(std::move(message), "body");
        return false;
    }

    static constexpr std::size_t kNotAnObject = 0; // arrays have no keys, so never count
    std::vector<std::size_t> members_;
    std::optional<domain::Error> error_;
};

domain::Status check_json_shape(const std::string& text) {
    ShapeCheck check;
    if (Json::sax_parse(text, &check)) return {};
    if (check.error()) return *check.error();
    return domain::invalid("malformed JSON", "body");
}

} // namespace

domain::Result<Json> parse_body(const Request& request) {
    // Only a body declared as JSON: a cross-site HTML form can send text/plain that happens to
    // parse as JSON, but cannot set this type without the browser asking first (CORS).
    if (request.body.empty()) return domain::invalid("the request needs a JSON body", "body");
    const std::string_view type = request.header("content-type");
    if (type.substr(0, 16) != "application/json")
        return domain::invalid("send the body as JSON with Content-Type: application/json",
                               "content-type");
    if (!domain::valid_utf8(request.body))
        return domain::invalid("the request body is not valid UTF-8", "body");
    if (auto checked = check_json_shape(request.body); !checked) return checked.error();
    Json parsed;
    try {
        parsed = Json::parse(request.body);
    } catch (const Json::parse_error& e) {
        return domain::invalid(std::string("malformed JSON: ") + e.what(), "body");
    }
    if (!parsed.is_object()) return domain::invalid("the JSON body must be an object", "body");
    return parsed;
}

void wipe_passwords(Json& object) {
    if (!object.is_object()) return;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it->is_string() && it.key().find("password") != std::string::npos)
            store::secrets::wipe(it->get_ref<std::string&>());
}

domain::Result<Json> parse_optional_body(const Request& request) {
    if (request.body.empty()) return Json::object();
    return parse_body(request);
}

namespace {

/// The properties an object schema declares, with those of every part of an allOf or anyOf and
/// of the component a $ref names.
void collect_properties(const Json& schema, Json& out) {
    if (auto it = schema.find("properties"); it != schema.end())
        for (const auto& [key, value] : it->items()) out[key] = value;
    for (const char* parts : {"allOf", "anyOf"})
        if (auto it = schema.find(parts); it != schema.end())
            for (const auto& part : *it) collect_properties(part, out);
    if (auto it = schema.find("$ref"); it != schema.end() && it->is_string()) {
        constexpr std::string_view prefix = "#/components/schemas/";
        const auto& target = it->get_ref<const std::string&>();
        const auto& components = schema_components();
        if (target.starts_with(prefix))
            if (auto c = components.find(target.substr(prefix.size())); c != components.end())
                collect_properties(*c, out);
    }
}

/// Whether a declared schema lets the value be of JSON `type`: its "type" (one or a list) names
/// it, or it leaves the type to a reference or to alternatives (anyOf), which the decoder checks.
bool allows(const Json& declared, std::string_view type) {
    if (auto it = declared.find("anyOf"); it != declared.end()) {
        for (const auto& option : *it)
            if (allows(option, type)) return true;
        return false;
    }
    auto it = declared.find("type");
    if (it == declared.end()) return true; // a $ref, or any value
    if (it->is_string()) return *it == type;
    for (const auto& t : *it)
        if (t == type) return true;
    return false;
}

} // namespace

Fields::Fields(const Json& object, const Json& schema, std::string prefix)
    : object_(object), properties_(Json::object()), prefix_(std::move(prefix)) {
    collect_properties(schema, properties_);
    for (auto it = object_.begin(); it != object_.end(); ++it) {
        if (properties_.contains(it.key())) continue;
        std::string allowed;
        for (const auto& [key, value] : properties_.items())
            allowed += (allowed.empty() ? "" : ", ") + key;
        fail(it.key(), "unknown field; allowed: " + allowed);
        return;
    }
}

const Json& Fields::schema_of(std::string_view name) const {
    auto it = properties_.find(name);
    if (it == properties_.end())
        throw std::logic_error("a decoder reads '" + std::string(name) +
                               "', which its schema does not declare");
    return *it;
}

const Json* Fields::value(std::string_view name, std::string_view type) const {
    if (!allows(schema_of(name), type))
        throw std::logic_error("a decoder reads '" + std::string(name) + "' as " +
                               std::string(type) + ", which its schema does not allow");
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
}

void Fields::fail(std::string_view name, const std::string& message) {
    if (!error_) error_ = domain::invalid(message, field(name));
}

std::optional<std::string> Fields::text(std::string_view name) {
    const Json* v = value(name, "string");
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        fail(name, "must be a string");
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<long long> Fields::integer(std::string_view name) {
    const Json* v = value(name, "integer");
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        fail(name, "must be a whole number");
        return std::nullopt;
    }
    return v->get<long long>();
}

std::optional<bool> Fields::boolean(std::string_view name) {
    const Json* v = value(name, "boolean");
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        fail(name, "must be true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<std::vector<std::string>> Fields::texts(std::string_view name) {
    const Json* v = value(name, "array");
    if (!v) return std::nullopt;
    if (!v->is_array()) {
        fail(name, "must be a list of strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& item : *v) {
        if (!item.is_string()) {
            fail(name, "must be a list of strings");
            return std::nullopt;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

const Json* Fields::object(std::string_view name) {
    const Json* v = value(name, "object");
    if (!v) return nullptr;
    if (!v->is_object()) {
        fail(name, "must be an object");
        return nullptr;
    }
    return v;
}

} // namespace cdcwb::http
