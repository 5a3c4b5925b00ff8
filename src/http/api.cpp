#include "http/api.hpp"

#include <algorithm>
#include <charconv>

namespace cdcwb::http {

using domain::Error;
using domain::ErrorCode;

namespace {

domain::Date today_utc() {
    return domain::Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

} // namespace

Api::Api(store::Store& store, const catalogue::Library& library, AuthOptions auth_options)
    : auth_(store, auth_options), context_{store, library, auth_, today_utc, &router_} {
    add_system_routes(router_, context_);
    add_catalogue_routes(router_, context_);
    add_organisation_routes(router_, context_);
    add_service_routes(router_, context_);
    add_evaluation_routes(router_, context_);
    add_action_routes(router_, context_);
    add_user_routes(router_, context_);
    add_audit_routes(router_, context_);
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
    if (route.access != Access::public_)
        if (auto csrf = auth_.check_csrf(request, *caller); !csrf)
            return error_response(csrf.error());

    // Reads of an organisation depend only on its state (and the date): answer from the cache
    // while its state version is unchanged. Evidence downloads (large, binary) are not kept.
    std::string cache_key;
    std::int64_t version = 0;
    if (route.method == "GET" && route.access == Access::organisation &&
        route.pattern.find("{sha256}") == std::string::npos) {
        if (auto current = context_.store.organisations.state_version(match.params["org"])) {
            version = *current;
            cache_key = request.path + "?";
            for (const auto& [k, v] : request.query) cache_key += k + "=" + v + "&";
            cache_key += "|" + context_.today().to_string();
        }
    }
    std::optional<Response> hit;
    if (!cache_key.empty()) hit = cached(cache_key, version);
    Response response = hit ? std::move(*hit) : route.handler(request, match.params, *caller);
    if (!cache_key.empty() && !hit && response.status == 200) {
        if (response.headers.end() == std::find_if(response.headers.begin(), response.headers.end(),
                                                   [](const auto& h) { return h.first == "ETag"; }))
            response.set_header("ETag", etag_of(response.body));
        remember(cache_key, version, response);
    }

    if (caller->user) response.set_header("X-Cdcwb-User", caller->user->username);
    if ((request.method == "GET" || request.method == "HEAD") && response.status == 200) {
        std::string etag;
        for (const auto& [name, value] : response.headers)
            if (name == "ETag") etag = value;
        if (etag.empty()) {
            etag = etag_of(response.body);
            response.set_header("ETag", etag);
        }
        response.set_header("Cache-Control", "private, no-cache");
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

std::optional<Response> Api::cached(const std::string& key, std::int64_t version) {
    std::shared_ptr<const Cached> entry;
    {
        std::lock_guard lock(cache_mutex_);
        auto it = cache_.find(key);
        if (it == cache_.end() || it->second->version != version) return std::nullopt;
        entry = it->second;
    }
    return entry->response; // copied outside the lock
}

void Api::remember(std::string key, std::int64_t version, const Response& response) {
    constexpr std::size_t kMaxBytes = 64 * 1024 * 1024;
    Cached cached{version, response};
    // Kept once and shared by every answer sent from the cache.
    cached.response.shared_body = std::make_shared<const std::string>(response.body);
    cached.response.body.clear();
    const std::size_t size = cached.response.body_size();
    auto entry = std::make_shared<const Cached>(std::move(cached));
    std::lock_guard lock(cache_mutex_);
    if (cache_bytes_ + size > kMaxBytes) {
        cache_.clear();
        cache_bytes_ = 0;
    }
    auto& slot = cache_[std::move(key)];
    if (slot) cache_bytes_ -= std::min(cache_bytes_, slot->response.body_size());
    slot = std::move(entry);
    cache_bytes_ += size;
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
