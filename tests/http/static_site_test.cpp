// The web UI's files served from memory: which paths are the site's, caching, types and gzip.
#include "http/static_site.hpp"

#include <gtest/gtest.h>
#include <string>

namespace cdcwb::http {
namespace {

const std::string kIndex = "<!doctype html><div id=\"app\"></div>";
const std::string kScript(4000, 'x'); // compresses well
const std::string kIcon = "<svg/>";   // too small to compress

const StaticFile kFiles[] = {
    {"index.html", kIndex},
    {"assets/index-abc123.js", kScript},
    {"favicon.svg", kIcon},
};

Request get(std::string path, std::map<std::string, std::string, std::less<>> headers = {}) {
    Request r;
    r.method = "GET";
    r.path = std::move(path);
    r.headers = std::move(headers);
    return r;
}

std::string header(const Response& r, std::string_view name) {
    for (const auto& [n, v] : r.headers)
        if (n == name) return v;
    return {};
}

std::string body(const Response& r) {
    return r.shared_body ? *r.shared_body : r.body;
}

TEST(StaticSite, EveryPageOfTheAppIsTheIndexPageWhichIsRevalidated) {
    const StaticSite site(kFiles);
    for (const auto* path : {"/", "/signin", "/orgs/acme/matrix", "/index.html"}) {
        const auto r = site.handle(get(path));
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 200);
        EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
        EXPECT_EQ(body(*r), kIndex);
        EXPECT_EQ(header(*r, "Cache-Control"), "no-cache");
    }
}

TEST(StaticSite, HashedAssetsAreImmutableAndOtherFilesRevalidated) {
    const StaticSite site(kFiles);
    const auto script = site.handle(get("/assets/index-abc123.js"));
    ASSERT_TRUE(script);
    EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(header(*script, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(body(*script), kScript);
    const auto icon = site.handle(get("/favicon.svg"));
    ASSERT_TRUE(icon);
    EXPECT_EQ(icon->content_type, "image/svg+xml");
    EXPECT_EQ(header(*icon, "Cache-Control"), "no-cache");
}

TEST(StaticSite, AMissingAssetIsA404NotTheIndexPage) {
    const StaticSite site(kFiles);
    const auto r = site.handle(get("/assets/index-old.js"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_NE(body(*r), kIndex);
}

TEST(StaticSite, TheApiHealthAndOtherMethodsAreNotTheSites) {
    const StaticSite site(kFiles);
    for (const auto* path : {"/api", "/api/v1/orgs", "/api/v1/nothing", "/healthz", "/readyz"})
        EXPECT_FALSE(site.handle(get(path))) << path;
    auto post = get("/");
    post.method = "POST";
    EXPECT_FALSE(site.handle(post));
    auto head = get("/assets/index-abc123.js");
    head.method = "HEAD";
    const auto r = site.handle(head);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body_size(), 0u);
}

TEST(StaticSite, GzipIsSentOnlyToClientsThatAcceptItAndOnlyWhereItPays) {
    const StaticSite site(kFiles);
    const auto packed =
        site.handle(get("/assets/index-abc123.js", {{"accept-encoding", "gzip, br"}}));
    ASSERT_TRUE(packed);
    EXPECT_EQ(header(*packed, "Content-Encoding"), "gzip");
    EXPECT_LT(packed->body_size(), kScript.size() / 10);
    const auto refused =
        site.handle(get("/assets/index-abc123.js", {{"accept-encoding", "gzip;q=0"}}));
    EXPECT_EQ(header(*refused, "Content-Encoding"), "");
    EXPECT_EQ(body(*refused), kScript);
    const auto small = site.handle(get("/favicon.svg", {{"accept-encoding", "gzip"}}));
    EXPECT_EQ(header(*small, "Content-Encoding"), "");
}

TEST(StaticSite, AnUnchangedFileIsA304) {
    const StaticSite site(kFiles);
    const auto first = site.handle(get("/assets/index-abc123.js"));
    const auto etag = header(*first, "ETag");
    ASSERT_FALSE(etag.empty());
    const auto again = site.handle(get("/assets/index-abc123.js", {{"if-none-match", etag}}));
    EXPECT_EQ(again->status, 304);
    EXPECT_EQ(again->body_size(), 0u);
    const auto other = site.handle(get("/favicon.svg", {{"if-none-match", etag}}));
    EXPECT_EQ(other->status, 200) << "another file's ETag does not match";
}

TEST(StaticSite, MediaTypesFollowTheExtension) {
    EXPECT_EQ(media_type_of("a/b.css"), "text/css; charset=utf-8");
    EXPECT_EQ(media_type_of("x.woff2"), "font/woff2");
    EXPECT_EQ(media_type_of("x.png"), "image/png");
    EXPECT_EQ(media_type_of("x.unknown"), "application/octet-stream");
    EXPECT_EQ(media_type_of("js"), "application/octet-stream");
}

TEST(StaticSite, ASiteWithoutAnIndexAnswers404ForPages) {
    const StaticFile only[] = {{"assets/a.js", "x"}};
    const StaticSite site(only);
    EXPECT_EQ(site.handle(get("/orgs/x"))->status, 404);
    EXPECT_EQ(site.handle(get("/assets/a.js"))->status, 200);
}

} // namespace
} // namespace cdcwb::http
