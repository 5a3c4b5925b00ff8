#include "http/static_site.hpp"

#include "http/compression.hpp"

namespace cdcwb::http {

namespace {

bool is_text(std::string_view media_type) {
    return media_type.starts_with("text/") || media_type.starts_with("application/json") ||
           media_type.starts_with("image/svg+xml");
}

/// Paths the API answers, whatever the method.
bool is_api_path(std::string_view path) {
    return path == "/api" || path.starts_with("/api/") || path == "/healthz" || path == "/readyz";
}

} // namespace

std::string_view media_type_of(std::string_view path) {
    static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
    };
    for (const auto& [extension, type] : kTypes)
        if (path.ends_with(extension)) return type;
    return "application/octet-stream";
}

StaticSite::StaticSite(std::span<const StaticFile> files) {
    for (const auto& file : files) {
        Prepared p;
        p.media_type = media_type_of(file.path);
        p.etag = etag_of(file.data);
        p.plain = std::make_shared<const std::string>(file.data);
        // Vite puts content-hashed files under assets/: their name changes with their content.
        p.immutable = file.path.starts_with("assets/");
        if (is_text(p.media_type) && file.data.size() >= 512)
            if (auto packed = gzip(file.data, 9); packed && packed->size() < file.data.size())
                p.gzipped = std::make_shared<const std::string>(std::move(*packed));
        files_["/" + std::string(file.path)] = std::move(p);
    }
    if (auto it = files_.find("/index.html"); it != files_.end()) index_ = &it->second;
}

std::optional<Response> StaticSite::handle(const Request& request) const {
    if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
    if (is_api_path(request.path)) return std::nullopt;

    if (auto it = files_.find(request.path); it != files_.end() && &it->second != index_)
        return answer(it->second, request);
    // A missing asset is an error, never the app's page: a stale page asking for an old bundle
    // must see the failure, not parse HTML as JavaScript.
    if (request.path.starts_with("/assets/") || !index_) {
        Response r;
        r.status = 404;
        r.content_type = "text/plain; charset=utf-8";
        r.body = "no such file: " + request.path + "\n";
        r.set_header("Cache-Control", "no-store");
        return r;
    }
    // Every other path is a page of the single-page app, which routes in the browser.
    return answer(*index_, request);
}

Response StaticSite::answer(const Prepared& file, const Request& request) const {
    Response r;
    r.content_type = std::string(file.media_type);
    r.set_header("ETag", file.etag);
    r.set_header("Cache-Control",
                 file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (etag_matches(request.header("if-none-match"), file.etag)) {
        r.status = 304;
        return r;
    }
    if (file.gzipped && accepts_gzip(request.header("accept-encoding"))) {
        r.shared_body = file.gzipped;
        r.set_header("Content-Encoding", "gzip");
    } else {
        r.shared_body = file.plain;
    }
    if (request.method == "HEAD") r.clear_body();
    return r;
}

} // namespace cdcwb::http
