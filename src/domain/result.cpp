#include "domain/result.hpp"

namespace cdcwb::domain {

const char* to_string(ErrorCode code) {
    switch (code) {
    case ErrorCode::invalid_input: return "invalid_input";
    case ErrorCode::bad_request: return "bad_request";
    case ErrorCode::unauthenticated: return "unauthenticated";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::method_not_allowed: return "method_not_allowed";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::payload_too_large: return "payload_too_large";
    case ErrorCode::headers_too_large: return "headers_too_large";
    case ErrorCode::too_many_requests: return "too_many_requests";
    case ErrorCode::internal: return "internal";
    case ErrorCode::unavailable: return "unavailable";
    }
    return "internal";
}

const char* describe(ErrorCode code) {
    switch (code) {
    case ErrorCode::invalid_input:
        return "A value is wrong; the error names the field and what is allowed";
    case ErrorCode::bad_request: return "The request is malformed (HTTP syntax or encoding)";
    case ErrorCode::unauthenticated:
        return "Not signed in, or the session or token is no longer valid";
    case ErrorCode::forbidden: return "Not allowed for the caller's role, or a missing CSRF token";
    case ErrorCode::not_found: return "No such resource (or not visible to the caller)";
    case ErrorCode::method_not_allowed: return "The path does not take this method (see Allow)";
    case ErrorCode::conflict: return "Changed by someone else since it was read, or already exists";
    case ErrorCode::payload_too_large: return "The request body is over the limit";
    case ErrorCode::headers_too_large: return "The request headers are over the limit";
    case ErrorCode::too_many_requests:
        return "Too many failed sign-ins; retry after the seconds Retry-After gives";
    case ErrorCode::internal: return "A fault in the server; the message says what failed";
    case ErrorCode::unavailable: return "Busy, or the database does not answer; retry shortly";
    }
    return "";
}

std::string Error::describe() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) out += ":" + std::to_string(line);
        out += ": ";
    } else if (line > 0) {
        out += "line " + std::to_string(line) + ": ";
    }
    if (!id.empty()) out += "[" + id + "] ";
    if (!field.empty()) out += field + ": ";
    out += message;
    return out;
}

} // namespace cdcwb::domain
