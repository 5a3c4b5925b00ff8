// Expected failures as values: an error code from one small taxonomy, a message for people,
// and where the problem is (field, file, line). Exceptions are for what should never happen.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace cdcwb::domain {

/// Every error the product can answer, in one list: the CLI prints them, the API maps each to one
/// HTTP status (`http::status_of`), and the OpenAPI document and docs/api.md list exactly these.
enum class ErrorCode {
    invalid_input,      ///< a value is wrong; the error names the field and what is allowed
    bad_request,        ///< the request itself is malformed (HTTP syntax, encoding)
    unauthenticated,    ///< not signed in, or the session or token is no longer valid
    forbidden,          ///< signed in, but not allowed to do this
    not_found,          ///< no such thing (or not visible to the caller)
    method_not_allowed, ///< the path exists, the method does not
    conflict,           ///< changed by someone else since it was read, or already exists
    payload_too_large,  ///< the body is over the limit
    headers_too_large,  ///< the request headers are over the limit
    too_many_requests,  ///< too many failed attempts; wait the time Retry-After says
    internal,           ///< a fault of ours; the message says what failed
    unavailable,        ///< busy or a dependency (the database) does not answer; retry later
};

/// Every code, in declaration order.
inline constexpr ErrorCode kErrorCodes[] = {
    ErrorCode::invalid_input,     ErrorCode::bad_request,       ErrorCode::unauthenticated,
    ErrorCode::forbidden,         ErrorCode::not_found,         ErrorCode::method_not_allowed,
    ErrorCode::conflict,          ErrorCode::payload_too_large, ErrorCode::headers_too_large,
    ErrorCode::too_many_requests, ErrorCode::internal,          ErrorCode::unavailable,
};

/// The stable name of an error code, as shown in JSON (`"invalid_input"`).
const char* to_string(ErrorCode code);

/// What an error is about, in a few words (for the OpenAPI document and docs).
const char* describe(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::invalid_input;
    std::string message;
    std::string field; ///< the offending field, e.g. "services.A-1.as_is"
    std::string file;  ///< set when the input came from a file
    int line = 0;      ///< 1-based; 0 when unknown
    std::string id;    ///< the item concerned in a file (a node, link or service id); may be empty
    /// What went wrong underneath (a database driver's text), for the operator: the CLI prints
    /// it, the server logs it, and no answer to a client ever carries it.
    std::string cause;

    /// "file:line: [id] field: message", leaving out the parts that are unknown.
    std::string describe() const;
};

/// Everything found wrong in one input (loaders report every problem, not just the first).
using Errors = std::vector<Error>;

inline Error make_error(ErrorCode code, std::string message, std::string field = {}) {
    return Error{code, std::move(message), std::move(field), {}, 0, {}, {}};
}

// One named factory per code.
inline Error invalid(std::string message, std::string field = {}) {
    return make_error(ErrorCode::invalid_input, std::move(message), std::move(field));
}
inline Error bad_request(std::string message, std::string field = {}) {
    return make_error(ErrorCode::bad_request, std::move(message), std::move(field));
}
inline Error unauthenticated(std::string message, std::string field = {}) {
    return make_error(ErrorCode::unauthenticated, std::move(message), std::move(field));
}
inline Error forbidden(std::string message, std::string field = {}) {
    return make_error(ErrorCode::forbidden, std::move(message), std::move(field));
}
inline Error not_found(std::string message, std::string field = {}) {
    return make_error(ErrorCode::not_found, std::move(message), std::move(field));
}
inline Error method_not_allowed(std::string message) {
    return make_error(ErrorCode::method_not_allowed, std::move(message));
}
inline Error conflict(std::string message, std::string field = {}) {
    return make_error(ErrorCode::conflict, std::move(message), std::move(field));
}
inline Error payload_too_large(std::string message) {
    return make_error(ErrorCode::payload_too_large, std::move(message));
}
inline Error headers_too_large(std::string message) {
    return make_error(ErrorCode::headers_too_large, std::move(message));
}
inline Error too_many_requests(std::string message, std::string field = {}) {
    return make_error(ErrorCode::too_many_requests, std::move(message), std::move(field));
}
inline Error internal(std::string message) {
    return make_error(ErrorCode::internal, std::move(message));
}
inline Error unavailable(std::string message) {
    return make_error(ErrorCode::unavailable, std::move(message));
}

/// An error found in a data file, at `file:line`, about item `id` (any may be empty or 0).
inline Error invalid_in_file(std::string file, int line, std::string id, std::string field,
                             std::string message) {
    return Error{ErrorCode::invalid_input,
                 std::move(message),
                 std::move(field),
                 std::move(file),
                 line,
                 std::move(id),
                 {}};
}

template <class T> class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(v_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    const Error& error() const {
        assert(!ok());
        return std::get<1>(v_);
    }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

  private:
    std::variant<T, Error> v_;
};

template <> class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), ok_(false) {}

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const {
        assert(!ok_);
        return error_;
    }

  private:
    Error error_;
    bool ok_ = true;
};

using Status = Result<void>;

} // namespace cdcwb::domain
