// Expected failures as values: an error code from one small taxonomy, a message for people,
// and where the problem is (field, file, line). Exceptions are for what should never happen.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace cdcwb::domain {

enum class ErrorCode { invalid_input, not_found, conflict, forbidden, unauthenticated, internal };

/// The stable name of an error code, as shown in JSON (`"invalid_input"`).
const char* to_string(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::invalid_input;
    std::string message;
    std::string field; ///< the offending field, e.g. "services.A-1.as_is"
    std::string file;  ///< set when the input came from a file
    int line = 0;      ///< 1-based; 0 when unknown

    /// "file:line: field: message", leaving out the parts that are unknown.
    std::string describe() const;
};

inline Error invalid(std::string message, std::string field = {}) {
    return Error{ErrorCode::invalid_input, std::move(message), std::move(field), {}, 0};
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
