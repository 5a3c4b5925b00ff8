// The JSON API under /api/v1 (plus /healthz and /readyz): routes, who may call each, and the
// dispatch that checks the caller before a handler runs. Handlers are thin: they parse, call one
// store or domain function, and map the result.
#pragma once

#include "catalogue/library.hpp"
#include "http/answer_cache.hpp"
#include "http/auth.hpp"
#include "http/json_io.hpp"
#include "http/router.hpp"
#include "store/store.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace cdcwb::http {

inline constexpr std::size_t kDefaultAnswerCacheBytes = 64 * 1024 * 1024;

struct ApiContext {
    store::Store& store;
    const catalogue::Library& library;
    Authenticator& auth;
    std::function<domain::Date()> today;
    const Router* router = nullptr;
};

class Api {
  public:
    /// `answer_cache_bytes`: the most bytes of cached answers (keys included); 0 keeps none.
    Api(store::Store& store, const catalogue::Library& library, AuthOptions auth_options = {},
        std::size_t answer_cache_bytes = kDefaultAnswerCacheBytes);
    Response handle(Request& request);
    /// The most bytes the request's body may have (before it is read): its route's limit, but no
    /// more than kJsonBodyLimit unless the route is public or the caller has signed in.
    std::size_t body_limit(const Request& request);
    const Router& router() const { return router_; }

  private:
    /// The cache key of a read of an organisation, or "" when the answer is not kept.
    std::string cache_key(const Route& route, const Router::Match& match, const Request& request,
                          std::int64_t organisation_id) const;

    Authenticator auth_;
    ApiContext context_;
    Router router_;
    /// Answers of organisation reads, kept with the organisation's state version they were
    /// computed at; a changed version (any write, by any server) makes them stale.
    AnswerCache cache_;
};

// Route groups (one file each).
void add_system_routes(Router& router, ApiContext& ctx);
void add_catalogue_routes(Router& router, ApiContext& ctx);
void add_organisation_routes(Router& router, ApiContext& ctx);
void add_service_routes(Router& router, ApiContext& ctx);
void add_evaluation_routes(Router& router, ApiContext& ctx);
void add_action_routes(Router& router, ApiContext& ctx);
void add_user_routes(Router& router, ApiContext& ctx);
void add_audit_routes(Router& router, ApiContext& ctx);
void add_account_routes(Router& router, ApiContext& ctx);
void add_two_factor_routes(Router& router, ApiContext& ctx);

/// The OpenAPI 3.1 document describing the router's routes.
Json openapi_document(const Router& router);

// Helpers for handlers --------------------------------------------------------------------------

/// A successful result as JSON (status `ok_status`), an error as the error shape.
template <class T, class F>
Response respond(const domain::Result<T>& result, F&& to_json, int ok_status = 200) {
    if (!result) return error_response(result.error());
    return json_response(to_json(*result), ok_status);
}

/// The error, with Retry-After when `retry_after` is positive (a sign-in that must wait).
Response refusal(const domain::Error& error, std::chrono::seconds retry_after);

/// 204 No Content when done, else the error.
Response done_answer(const domain::Status& done);

/// A file to download: `body` as `media_type`, saved as `filename` (quotes and backslashes in the
/// name replaced, so the header stays well-formed).
Response attachment(std::string body, std::string media_type, const std::string& filename);

/// The answer to a write of one revisioned record (or a read of one): the record as JSON with its
/// revision as the ETag; on a conflict, the error with the record as it is now under "current"
/// (read again by `reread`), so the client can show both versions and nothing is lost. The one
/// way every 409 is answered.
template <class T, class Reread, class Encode>
Response record_answer(const domain::Result<T>& result, Reread&& reread, Encode&& encode,
                       int ok_status = 200) {
    if (!result) {
        if (result.error().code != domain::ErrorCode::conflict)
            return error_response(result.error());
        Json body = error_json(result.error());
        if (auto now = reread(); now) body["current"] = encode(*now);
        return json_response(body, 409);
    }
    auto r = json_response(encode(*result), ok_status);
    r.set_header("ETag", "\"" + std::to_string(result->revision) + "\"");
    return r;
}

/// The revision a write starts from: the If-Match header ("3" or "\"3\"") or the body's
/// "revision". Missing: invalid input naming both ways.
domain::Result<std::int64_t> expected_revision(const Request& request, const Json* body);

/// A query parameter's text, when given.
std::optional<std::string> query(const Request& request, const std::string& name);

/// A limit/offset style integer query parameter within [min, max]; `fallback` when absent.
domain::Result<long long> query_integer(const Request& request, const std::string& name,
                                        long long fallback, long long min, long long max);

} // namespace cdcwb::http
