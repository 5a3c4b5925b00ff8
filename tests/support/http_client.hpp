// A small synchronous HTTP/1.1 client for tests: one request at a time over one loopback
// connection that is kept alive between requests and opened again when the server closed it.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdcwb::testing {

/// Request headers in the order they are sent.
using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
    int status = 0;
    /// Names lowercased; a header sent several times keeps its values joined by ", ".
    std::map<std::string, std::string, std::less<>> headers;
    std::string body;

    /// The header's value, or "" when absent. `name` is lowercase.
    std::string header(std::string_view name) const;
    bool has_header(std::string_view name) const { return headers.count(name) > 0; }
};

class HttpClient {
  public:
    HttpClient(std::string host, unsigned short port,
               std::chrono::seconds timeout = std::chrono::seconds(60));
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// Sends one request and reads the whole response. `target` is the path with its query.
    /// Throws std::runtime_error when no response arrives (refused, reset, timed out). When the
    /// server answers before it has read the whole body (e.g. 413) and closes, the answer is
    /// still returned.
    HttpResponse request(std::string_view method, std::string_view target,
                         const Headers& headers = {}, std::string_view body = {});

    /// Closes the connection; the next request opens a new one.
    void close();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace cdcwb::testing
