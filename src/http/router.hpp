// Routes: a method and a path pattern ("/api/v1/orgs/{org}/services/{service}") mapped to a
// handler, with what the caller must be allowed to do there. The router only matches; checking
// the caller is the API's job (api.cpp).
#pragma once

#include "domain/role.hpp"
#include "http/json_io.hpp"
#include "http/message.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cdcwb::http {

/// Who may call a route.
enum class Access {
    public_,      ///< anyone, signed in or not
    signed_in,    ///< any signed-in user (their own account, the organisations they belong to)
    organisation, ///< a member of the {org} in the path with the route's permission
    site_admin,   ///< site administrators only
};

struct Params {
    std::map<std::string, std::string, std::less<>> values;
    const std::string& operator[](std::string_view name) const;
};

struct Caller;
using RouteHandler = std::function<Response(const Request&, const Params&, const Caller&)>;

/// The largest request body a route takes unless it says otherwise: plenty for any JSON the API
/// reads, and all a caller who has not signed in can make the server hold.
inline constexpr std::size_t kJsonBodyLimit = 64 * 1024;

/// What the OpenAPI document says of a route besides its summary: an identifier-like operation id,
/// the schemas of the request body and of the answer (JSON Schemas, usually a
/// `report::schema::ref` to a component declared beside its encoder or decoder), the query
/// parameters it reads and the largest body it takes.
struct Operation {
    std::string id;         ///< "updateServiceEntry"
    Json request = nullptr; ///< the body's schema; null: no body
    Json answer = nullptr;  ///< the answer's schema; null: 204 No Content
    std::string answer_media = "application/json";
    std::string request_media = "application/json";
    /// The query parameters the handler reads; only these make a cached answer differ.
    std::vector<std::string> query = {};
    /// Bytes; a longer body is refused (413) before it is read.
    std::size_t body_limit = kJsonBodyLimit;

    /// `operation(…).with_query({"date"})`
    Operation with_query(std::vector<std::string> names) && {
        query = std::move(names);
        return std::move(*this);
    }
    /// `operation(…).with_body_limit(kEvidenceBodyLimit)`
    Operation with_body_limit(std::size_t bytes) && {
        body_limit = bytes;
        return std::move(*this);
    }
};

/// `operation("updateServiceEntry", ref("ServiceEntryInput"), ref("ServiceEntry"))`: a function,
/// not a braced list, so that a route's declaration keeps its layout.
Operation operation(std::string id, Json request = nullptr, Json answer = nullptr,
                    std::string answer_media = "application/json",
                    std::string request_media = "application/json");

struct Route {
    std::string method;
    std::string pattern;
    Access access = Access::signed_in;
    domain::Permission permission = domain::Permission::read;
    Operation operation;
    std::string summary; ///< one line for the OpenAPI document
    RouteHandler handler;
};

class Router {
  public:
    void add(Route route);
    const std::vector<Route>& routes() const { return routes_; }

    struct Match {
        const Route* route = nullptr;
        Params params;
        bool path_known = false; ///< the path matched some route, the method none (405)
        std::string allowed;     ///< methods allowed on the path, for 405's Allow header
        bool bad_encoding = false;
    };
    Match match(std::string_view method, std::string_view path) const;

  private:
    std::vector<Route> routes_;
    std::vector<std::vector<std::string>> patterns_; ///< each route's segments, split once
};

} // namespace cdcwb::http
