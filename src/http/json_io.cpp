#include "http/json_io.hpp"

#include "domain/text.hpp"
#include "store/secrets.hpp"

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

void Fields::fail(std::string_view name, const std::string& message) {
    if (!error_) error_ = domain::invalid(message, field(name));
}

std::optional<std::string> Fields::text(std::string_view name) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
        fail(name, "must be a string");
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::optional<long long> Fields::integer(std::string_view name) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) {
        fail(name, "must be a whole number");
        return std::nullopt;
    }
    return it->get<long long>();
}

std::optional<bool> Fields::boolean(std::string_view name) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) {
        fail(name, "must be true or false");
        return std::nullopt;
    }
    return it->get<bool>();
}

std::optional<std::vector<std::string>> Fields::texts(std::string_view name) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_array()) {
        fail(name, "must be a list of strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& v : *it) {
        if (!v.is_string()) {
            fail(name, "must be a list of strings");
            return std::nullopt;
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

const Json* Fields::object(std::string_view name) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return nullptr;
    if (!it->is_object()) {
        fail(name, "must be an object");
        return nullptr;
    }
    return &*it;
}

void Fields::only(std::initializer_list<std::string_view> known) {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
        bool found = false;
        for (auto k : known) found = found || k == it.key();
        if (!found) {
            std::string allowed;
            for (auto k : known) allowed += (allowed.empty() ? "" : ", ") + std::string(k);
            fail(it.key(), "unknown field; allowed: " + allowed);
            return;
        }
    }
}

} // namespace cdcwb::http
