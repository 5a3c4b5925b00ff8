#include "http/api.hpp"

#include <algorithm>
#include <charconv>

namespace cdcwb::http {

using domain::Error;
using domain::ErrorCode;

namespace {

/// Reads of an organisation are kept, except evidence downloads (large, binary) and requests with
/// a query parameter the route does not declare (it might change the answer).
bool cacheable(const Route& route, const Request& request) {
    if (route.method != "GET" || route.access != Access::organisation ||
        route.pattern.find("{sha256}") != std::string::npos)
        return false;
    const auto& declared = route.operation.query;
    return std::all_of(request.query.begin(), request.query.end(), [&](const auto& q) {
        return std::find(declared.begin(), declared.end(), q.first) != declared.end();
    });
}

/// Reads whose answer is the same for every signed-in caller (the built-in catalogues, templates,
/// crosswalks and the vocabulary): browsers may keep them and revalidate with the ETag. Every
/// other answer to a signed-in caller is not stored at all.
bool same_for_everyone(const Route& route) {
    const std::string_view p = route.pattern;
    return route.access == Access::public_ || p == "/api/v1/vocabulary" ||
           p.starts_with("/api/v1/catalogs") || p.starts_with("/api/v1/templates/") ||
           p.starts_with("/api/v1/crosswalks/");
}

/// What a user who must set up two-factor sign-in may still do: see and end their session, and
/// set it up.
bool allowed_before_enrolment(const Route& route) {
    static const std::vector<std::string> ids{"getSession",       "signOut",
                                              "getTwoFactor",     "startTwoFactor",
                                              "confirmTwoFactor", "getVocabulary"};
    return std::find(ids.begin(), ids.end(), route.operation.id) != ids.end();
}

bool deletes_organisation(const Route& route) {
    return route.method == "DELETE" && route.pattern == "/api/v1/orgs/{org}";
}

domain::Date today_utc() {
    return domain::Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

} // namespace

Api::Api(store::Store& store, const catalogue::Library& library, AuthOptions auth_options,
         std::size_t answer_cache_bytes)
    : auth_(store, auth_options), context_{store, library, auth_, today_utc, &router_},
      cache_(answer_cache_bytes) {
    add_system_routes(router_, context_);
    add_catalogue_routes(router_, context_);
    add_organisation_routes(router_, context_);
    add_service_routes(router_, context_);
    add_evaluation_routes(router_, context_);
    add_action_routes(router_, context_);
    add_user_routes(router_, context_);
    add_account_routes(router_, context_);
    add_audit_routes(router_, context_);
    add_two_factor_routes(router_, context_);
}

Response Api::handle(Request& request) {
    const auto match =
        router_.match(request.method == "HEAD" ? "GET" : request.method, request.path);
    if (match.bad_encoding)
        return error_response(domain::invalid("the path is not valid percent-encoding"));
    if (!match.route) {
        if (match.path_known) {
            auto r = error_response(domain::method_not_allowed(
                request.method + " is not allowed here; use " + match.allowed));
            r.set_header("Allow", match.allowed);
            return r;
        }
        return error_response(domain::not_found("no such resource: " + request.path));
    }
    const Route& route = *match.route;

    auto caller = auth_.identify(request);
    if (!caller) {
        // A stale cookie or token must not stop anyone signing in again or probing health.
        if (route.access != Access::public_) return error_response(caller.error());
        caller = Caller{};
    }
    if (route.access != Access::public_ && !caller->signed_in())
        return error_response(domain::unauthenticated("sign in or send an API token"));
    // Before anything else it might do: a user the site requires two-factor sign-in of, who has
    // not set it up, may only set it up.
    if (route.access != Access::public_ && !allowed_before_enrolment(route)) {
        auto must_enrol = auth_.must_enrol(*caller->user);
        if (!must_enrol) return error_response(must_enrol.error());
        if (*must_enrol)
            return error_response(domain::forbidden(
                "this site requires two-factor sign-in of your account: set it up first "
                "(POST /api/v1/me/two-factor, then confirm it with a code)",
                "two_factor"));
    }
    if (route.access == Access::site_admin && !caller->site_admin())
        return error_response(domain::forbidden("only site administrators may do this"));
    if (route.access == Access::organisation && !caller->site_admin()) {
        const std::string& org = match.params["org"];
        auto role = context_.store.users.role_in(caller->user->id, org);
        if (!role) return error_response(role.error());
        // Not a member: the organisation does not exist as far as this caller can tell.
        if (!*role)
            return error_response(domain::not_found(
                "no organisation '" + org + "'; `GET /api/v1/orgs` lists yours", "org"));
        if (!domain::allows(**role, route.permission))
            return error_response(domain::forbidden("your role in '" + org + "' (" +
                                                        std::string(domain::to_string(**role)) +
                                                        ") does not allow this",
                                                    "org"));
    }
    if (route.access != Access::public_) {
        // A read-only API token writes nothing, whatever its user's rights.
        if (auto scope = auth_.check_scope(request, *caller); !scope)
            return error_response(scope.error());
        if (auto csrf = auth_.check_csrf(request, *caller); !csrf)
            return error_response(csrf.error());
    }

    // Reads of an organisation depend only on its state (and the date): answer from the cache
    // while its state version is unchanged.
    std::string key;
    std::int64_t version = 0;
    if (cacheable(route, request))
        if (auto stamp = context_.store.organisations.state_version(match.params["org"])) {
            version = stamp->version;
            key = cache_key(route, match, request, stamp->organisation_id);
        }
    std::optional<Response> hit;
    if (!key.empty()) hit = cache_.find(key, version);
    Response response = hit ? std::move(*hit) : route.handler(request, match.params, *caller);
    if (!key.empty() && !hit && response.status == 200) {
        if (response.headers.end() == std::find_if(response.headers.begin(), response.headers.end(),
                                                   [](const auto& h) { return h.first == "ETag"; }))
            response.set_header("ETag", etag_of(response.body));
        cache_.put(key, version, response);
    }
    // A deleted organisation's answers are never asked for again: free their room now.
    if (deletes_organisation(route) && response.status == 204)
        cache_.forget(key_part(match.params["org"]));

    if (caller->user) response.set_header("X-Cdcwb-User", caller->user->username);
    if ((request.method == "GET" || request.method == "HEAD") && response.status == 200) {
        std::string etag;
        for (const auto& [name, value] : response.headers)
            if (name == "ETag") etag = value;
        if (etag.empty()) {
            etag = etag_of(response.body);
            response.set_header("ETag", etag);
        }
        response.set_header("Cache-Control",
                            same_for_everyone(route) ? "private, no-cache" : "no-store");
        if (etag_matches(request.header("if-none-match"), etag)) {
            response.status = 304;
            response.clear_body();
        }
    } else {
        response.set_header("Cache-Control", "no-store");
    }
    if (request.method == "HEAD") response.clear_body();
    return response;
}

std::size_t Api::body_limit(const Request& request) {
    const auto match =
        router_.match(request.method == "HEAD" ? "GET" : request.method, request.path);
    if (!match.route) return kJsonBodyLimit;
    const std::size_t limit = match.route->operation.body_limit;
    if (limit <= kJsonBodyLimit || match.route->access == Access::public_) return limit;
    const auto caller = auth_.identify(request);
    return caller && caller->signed_in() ? limit : kJsonBodyLimit;
}

std::string Api::cache_key(const Route& route, const Router::Match& match, const Request& request,
                           std::int64_t organisation_id) const {
    // Each part length-prefixed, so that no two requests share a key unless the same answer
    // serves both. The organisation comes first (its slug, then its internal id: a new
    // organisation under a deleted one's slug never meets the old answers), then the operation,
    // the path's parameters, the declared query parameters ("-" when absent) and the date.
    std::string key = key_part(match.params["org"]) + key_part(std::to_string(organisation_id)) +
                      key_part(route.operation.id);
    for (const auto& [name, value] : match.params.values) key += key_part(name) + key_part(value);
    for (const auto& name : route.operation.query) {
        auto it = request.query.find(name);
        key += it == request.query.end() ? std::string("-") : key_part(it->second);
    }
    return key + key_part(context_.today().to_string());
}

domain::Result<std::int64_t> expected_revision(const Request& request, const Json* body) {
    std::string_view header = request.header("if-match");
    if (!header.empty()) {
        if (header.substr(0, 2) == "W/") header.remove_prefix(2);
        if (header.size() >= 2 && header.front() == '"' && header.back() == '"')
            header = header.substr(1, header.size() - 2);
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), value);
        if (ec != std::errc() || end != header.data() + header.size() || value < 0)
            return domain::invalid("If-Match must be the revision you started from, e.g. \"3\"",
                                   "if-match");
        return value;
    }
    if (body && body->contains("revision")) {
        const auto& r = (*body)["revision"];
        if (!r.is_number_integer() || r.get<long long>() < 0)
            return domain::invalid("revision must be a whole number", "revision");
        return r.get<std::int64_t>();
    }
    return domain::invalid(
        "say which revision you edited: send If-Match: \"<revision>\" or a \"revision\" field",
        "revision");
}

Response refusal(const domain::Error& error, std::chrono::seconds retry_after) {
    auto r = error_response(error);
    if (retry_after.count() > 0) r.set_header("Retry-After", std::to_string(retry_after.count()));
    return r;
}

Response done_answer(const domain::Status& done) {
    if (!done) return error_response(done.error());
    Response r;
    r.status = 204;
    r.content_type.clear(); // no body, so no type
    return r;
}

Response attachment(std::string body, std::string media_type, const std::string& filename) {
    Response r;
    r.content_type = std::move(media_type);
    r.body = std::move(body);
    std::string safe;
    for (char c : filename) safe += (c == '"' || c == '\\') ? '_' : c;
    r.set_header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
    return r;
}

std::optional<std::string> query(const Request& request, const std::string& name) {
    auto it = request.query.find(name);
    if (it == request.query.end()) return std::nullopt;
    return it->second;
}

domain::Result<long long> query_integer(const Request& request, const std::string& name,
                                        long long fallback, long long min, long long max) {
    auto it = request.query.find(name);
    if (it == request.query.end()) return fallback;
    long long value = 0;
    const auto& text = it->second;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        return domain::invalid(name + " must be a whole number from " + std::to_string(min) +
                                   " to " + std::to_string(max),
                               name);
    return value;
}

} // namespace cdcwb::http
