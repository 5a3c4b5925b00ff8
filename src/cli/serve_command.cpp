// cdcwb serve: the HTTP server with the JSON API, on the chosen database; cdcwb openapi: the API's
// OpenAPI document.
#include "cli/commands.hpp"
#include "cli/demo.hpp"
#include "cli/messages.hpp"
#include "http/api.hpp"
#include "http/client_address.hpp"
#include "http/server.hpp"
#include "http/static_site.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <thread>

namespace cdcwb::cli {

namespace {

std::string json_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        out += c;
    }
    return out;
}

/// One JSON line per request on stderr.
void log_access(const http::AccessRecord& r) {
    static std::mutex mutex;
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.2f", r.duration_ms);
    const std::string line =
        "{\"time\":\"" + r.time + "\",\"request_id\":\"" + r.request_id + "\",\"remote\":\"" +
        r.remote + "\",\"user\":\"" + json_escape(r.user) + "\",\"method\":\"" +
        json_escape(r.method) + "\",\"path\":\"" + json_escape(r.path) +
        "\",\"status\":" + std::to_string(r.status) + ",\"bytes\":" + std::to_string(r.bytes) +
        ",\"ms\":" + duration + "}\n" +
        // Why it failed, for the operator: the client saw only the request id.
        (r.cause.empty()
             ? std::string()
             : "{\"time\":\"" + r.time + "\",\"level\":\"error\",\"request_id\":\"" + r.request_id +
                   "\",\"method\":\"" + json_escape(r.method) + "\",\"path\":\"" +
                   json_escape(r.path) + "\",\"status\":" + std::to_string(r.status) +
                   ",\"error\":\"" + json_escape(r.cause) + "\"}\n");
    std::lock_guard lock(mutex);
    std::fputs(line.c_str(), stderr);
}

/// A whole number with one of `units`' suffixes ("" for none), times that unit's scale: from 1 to
/// `max`; `wrong` for anything else.
domain::Result<std::uint64_t>
parse_scaled(const std::string& text,
             std::initializer_list<std::pair<std::string_view, std::uint64_t>> units,
             std::uint64_t max, const domain::Error& wrong) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end == text.data()) return wrong;
    const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    for (const auto& [suffix, scale] : units)
        if (unit == suffix) {
            if (n < 1 || n > max / scale) return wrong;
            return n * scale;
        }
    return wrong;
}

/// "90", "90s", "30m" or "2h": 1 second to 24 hours.
domain::Result<std::chrono::seconds> parse_duration(const std::string& text,
                                                    const std::string& field) {
    auto seconds = parse_scaled(text, {{"", 1}, {"s", 1}, {"m", 60}, {"h", 3600}}, 24 * 3600,
                                domain::invalid("'" + text.substr(0, 40) +
                                                    "' is not a duration from 1 second to 24 "
                                                    "hours; use e.g. 90s, 30m or 2h",
                                                field));
    if (!seconds) return seconds.error();
    return std::chrono::seconds(static_cast<long long>(*seconds));
}

/// "1073741824", "64K", "500M" or "2G" (powers of 1024): 1 byte to 16 TiB.
domain::Result<std::uint64_t> parse_size(const std::string& text, const std::string& field) {
    return parse_scaled(text, {{"", 1}, {"K", 1ull << 10}, {"M", 1ull << 20}, {"G", 1ull << 30}},
                        1ull << 44,
                        domain::invalid("'" + text.substr(0, 40) +
                                            "' is not a size from 1 byte to 16384G; use bytes, "
                                            "or e.g. 64K, 500M or 2G",
                                        field));
}

} // namespace

int serve(Context& ctx, const ServeOptions& options) {
    http::ServerOptions server_options;
    const auto colon = options.listen.rfind(':');
    if (colon == std::string::npos) {
        return fail(*ctx.err, domain::invalid("use HOST:PORT, e.g. 127.0.0.1:8080", "--listen"));
    }
    server_options.host = options.listen.substr(0, colon);
    try {
        const int port = std::stoi(options.listen.substr(colon + 1));
        if (port < 0 || port > 65535) throw std::out_of_range("port");
        server_options.port = static_cast<unsigned short>(port);
    } catch (const std::exception&) {
        return fail(*ctx.err,
                    domain::invalid("the port must be a number from 0 to 65535", "--listen"));
    }
    // Measured (docs/performance.md): with reads answered from the cache, more workers than cores
    // only add switching; at least two keep one slow request from holding up the rest.
    server_options.workers =
        options.workers > 0 ? options.workers
                            : static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
    // Measured (docs/performance.md): with handlers busy on the workers, a second I/O thread
    // writes large answers faster.
    server_options.io_threads =
        options.io_threads > 0
            ? options.io_threads
            : static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 2u));

    server_options.max_connections = options.max_connections;
    server_options.max_connections_per_address = options.max_connections_per_address;
    server_options.read_timeout = std::chrono::seconds(options.read_timeout);
    server_options.upload_timeout = std::chrono::seconds(options.upload_timeout);
    for (const auto& text : options.trusted_proxies) {
        auto range = http::parse_address_range(text, "--trusted-proxy");
        if (!range) return fail(*ctx.err, range.error());
        server_options.trusted_proxies.push_back(*range);
    }
    auto idle = parse_duration(options.session_idle_timeout, "--session-idle-timeout");
    if (!idle) return fail(*ctx.err, idle.error());
    if (options.tls_cert.empty() != options.tls_key.empty())
        return fail(*ctx.err,
                    domain::invalid("HTTPS needs both --tls-cert FILE and --tls-key FILE",
                                    options.tls_cert.empty() ? "--tls-cert" : "--tls-key"));
    server_options.tls_cert = options.tls_cert;
    server_options.tls_key = options.tls_key;
    const bool https = !options.tls_cert.empty();
    server_options.hsts = https || options.secure_cookies;
    // Passwords and session cookies in clear text over a network: allowed (a TLS proxy on
    // another machine is a sound setup, and says so with --secure-cookies), but never silently.
    if (!https && !options.secure_cookies && !http::is_loopback(server_options.host))
        *ctx.err << ui("warning", ctx.lang) << ": " << ui("plain_http_on_network", ctx.lang) << " ("
                 << server_options.host << ")\n"
                 << std::flush;

    store::EvidenceLimits evidence;
    auto quota_bytes = parse_size(options.evidence_quota_bytes, "--evidence-quota-bytes");
    if (!quota_bytes) return fail(*ctx.err, quota_bytes.error());
    evidence.quota_bytes = *quota_bytes;
    evidence.quota_files = static_cast<std::uint64_t>(options.evidence_quota_files);

    std::uint64_t answer_cache = 0;
    if (options.answer_cache != "0") {
        auto bytes = parse_size(options.answer_cache, "--answer-cache");
        if (!bytes) return fail(*ctx.err, bytes.error());
        answer_cache = *bytes;
    }

    int code = kFailure;
    auto opened = open_database(ctx, code, static_cast<std::size_t>(server_options.workers) + 1);
    if (!opened) return code;
    auto& [db, store] = *opened;
    store->evidence.set_evidence_limits(evidence);
    if (options.demo)
        if (auto seeded = seed_demo(*store, ctx.library, *ctx.out); !seeded) {
            print_error(*ctx.err, seeded.error());
            return kFailure;
        }
    auto users = store->users.list();
    if (users && users->empty())
        *ctx.out << "No users yet. Create the first administrator (in another terminal):\n"
                 << "  cdcwb user add NAME --admin" << (ctx.db.empty() ? "" : " --db " + ctx.db)
                 << "\n";

    http::AuthOptions auth;
    auth.secure_cookies = options.secure_cookies || https;
    auth.session_idle_timeout = *idle;
    http::Api api(*store, ctx.library, auth, answer_cache);
    const http::StaticSite site(http::embedded_web_files());
    http::Server server(
        server_options,
        [&api, &site](http::Request& r) {
            if (auto page = site.handle(r)) return std::move(*page);
            return api.handle(r);
        },
        log_access, [&api](const http::Request& r) { return api.body_limit(r); });
    if (auto started = server.start(); !started) {
        print_error(*ctx.err, started.error());
        return kBadInput;
    }
    server.stop_on_signals();
    if (server.max_connections() < server_options.max_connections)
        *ctx.err << ui("descriptor_limit", ctx.lang) << " " << server.max_connections() << " / "
                 << server_options.max_connections << "\n";
    *ctx.out << "cdcwb serving on " << (https ? "https://" : "http://") << server_options.host
             << ":" << server.port()
             << "  (web UI: /, API: /api/v1, OpenAPI: /api/v1/openapi.json; Ctrl-C or SIGTERM "
                "stops)\n"
             << std::flush;
    server.wait();
    *ctx.out << "cdcwb stopped\n";
    return kOk;
}

int openapi(Context& ctx) {
    // The document depends on the routes only: build them over a throwaway database.
    std::string folder = (std::filesystem::temp_directory_path() / "cdcwb-openapi-XXXXXX").string();
    if (!mkdtemp(folder.data())) {
        *ctx.err << "error: cannot create a temporary folder in "
                 << std::filesystem::temp_directory_path().string() << "\n";
        return kFailure;
    }
    int code = kOk;
    {
        store::OpenOptions options;
        options.pool_size = 1;
        auto db = store::Database::open(
            *store::parse_database_url("sqlite:" + folder + "/openapi.sqlite"), options);
        if (!db) {
            *ctx.err << "error: " << db.error().describe() << "\n";
            code = kFailure;
        } else {
            store::Store store(**db, ctx.library);
            const http::Api api(store, ctx.library);
            *ctx.out << http::openapi_document(api.router()).dump(2) << "\n";
        }
    }
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
    return code;
}

} // namespace cdcwb::cli
