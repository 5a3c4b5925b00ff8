#include "api/api_fixture.hpp"

#include "api/api_setup.hpp"
#include "support/postgres_server.hpp"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <zlib.h>

namespace cdcwb::testing {

namespace {

constexpr std::size_t kShownBody = 1500;

std::string shorten(const std::string& text) {
    return text.size() <= kShownBody ? text : text.substr(0, kShownBody) + "…";
}

std::string tail(const std::string& text) {
    return text.size() <= kShownBody ? text : "…" + text.substr(text.size() - kShownBody);
}

bool is_write(std::string_view method) {
    return method != "GET" && method != "HEAD";
}

} // namespace

bool postgresql_under_test() {
    const char* engine = std::getenv("CDCWB_TEST_ENGINE");
    return engine && std::string(engine) == "postgresql";
}

PostgresServer& shared_postgres() {
    static std::unique_ptr<PostgresServer> server = [] {
        std::string error;
        auto started = PostgresServer::start(error);
        if (!started) throw std::runtime_error("cannot start PostgreSQL: " + error);
        return started;
    }();
    return *server;
}

void seed_example(const std::string& db_url, const std::string& password) {
    const auto added = run_cdcwb(
        {"user", "add", std::string(kAdmin), "--admin", "--password-stdin", "--db", db_url},
        password + "\n");
    if (added.exit_code != 0) throw std::runtime_error("cdcwb user add failed: " + added.output);
    const auto imported = run_cdcwb({"import", CDCWB_SOURCE_DIR "/examples/example-corp.yaml",
                                     "--org", std::string(kOrg), "--db", db_url});
    if (imported.exit_code != 0)
        throw std::runtime_error("cdcwb import failed: " + imported.output);
}

ApiTest::Suite* ApiTest::suite_ = nullptr;

Headers Caller::headers(bool write) const {
    Headers out;
    if (!token.empty()) out.emplace_back("Authorization", "Bearer " + token);
    if (!session.empty()) {
        out.emplace_back("Cookie", "cdcwb_session=" + session);
        if (write && !csrf.empty()) out.emplace_back("X-CSRF-Token", csrf);
    }
    return out;
}

Json json_of(const HttpResponse& response) {
    auto parsed = Json::parse(response.body, nullptr, false);
    if (parsed.is_discarded())
        throw std::runtime_error("the response (status " + std::to_string(response.status) +
                                 ") is not JSON: " + shorten(response.body));
    return parsed;
}

::testing::AssertionResult HasStatus(const HttpResponse& response, int status) {
    if (response.status == status) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "expected status " << status << ", got "
                                         << response.status << ": " << shorten(response.body);
}

::testing::AssertionResult IsError(const HttpResponse& response, int status, std::string_view code,
                                   std::optional<std::string_view> field) {
    const auto fail = [&](const std::string& why) {
        return ::testing::AssertionFailure() << why << "\n  (status " << response.status
                                             << ", body " << shorten(response.body) << ")";
    };
    if (response.status != status) return fail("expected status " + std::to_string(status));
    if (response.header("content-type").rfind("application/json", 0) != 0)
        return fail("the error is not JSON but " + response.header("content-type"));
    const auto body = Json::parse(response.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("error") ||
        !body["error"].is_object())
        return fail("the body is not {\"error\": {…}}");
    const auto& error = body["error"];
    for (const auto& [key, value] : error.items())
        if (key != "code" && key != "message" && key != "field" && key != "request_id")
            return fail("the error has an unexpected key '" + key + "'");
    // Every error names its request, as the X-Request-Id header (and the server's log) do.
    if (!error.contains("request_id") || !error["request_id"].is_string() ||
        error["request_id"].get<std::string>().empty())
        return fail("the error has no request_id");
    if (error["request_id"] != response.header("x-request-id"))
        return fail("the error's request_id is not the X-Request-Id header (" +
                    response.header("x-request-id") + ")");
    if (!error.contains("code") || !error["code"].is_string() || error["code"] != code)
        return fail("expected error code '" + std::string(code) + "'");
    if (!error.contains("message") || !error["message"].is_string() ||
        error["message"].get<std::string>().empty())
        return fail("the error has no message");
    if (error.contains("field") && !error["field"].is_string())
        return fail("the error's field is not a string");
    if (field && (!error.contains("field") || error["field"] != *field))
        return fail("expected the error to name field '" + std::string(*field) + "'");
    return ::testing::AssertionSuccess();
}

std::string without_request_id(std::string body) {
    static const std::string kKey = "\"request_id\":\"";
    if (const auto at = body.find(kKey); at != std::string::npos) {
        const auto end = body.find('"', at + kKey.size());
        if (end != std::string::npos) {
            const bool comma = end + 1 < body.size() && body[end + 1] == ',';
            body.erase(at, end + 1 + (comma ? 1 : 0) - at);
        }
    }
    return body;
}

std::string fill_path(const std::string& pattern,
                      const std::map<std::string, std::string, std::less<>>& values) {
    std::string out;
    for (std::size_t at = 0; at < pattern.size();) {
        const auto open = pattern.find('{', at);
        if (open == std::string::npos) {
            out += pattern.substr(at);
            break;
        }
        const auto close = pattern.find('}', open);
        out += pattern.substr(at, open - at);
        const std::string name = pattern.substr(open + 1, close - open - 1);
        auto it = values.find(name);
        if (it == values.end())
            throw std::runtime_error("no value for {" + name + "} in " + pattern);
        out += it->second;
        at = close + 1;
    }
    return out;
}

std::string tiny_png() {
    static const char bytes[] =
        "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00"
        "\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0b\x49\x44\x41\x54\x78"
        "\x9c\x63\x60\x00\x02\x00\x00\x05\x00\x01\x7a\x5e\xab\x3f\x00\x00\x00\x00\x49\x45\x4e"
        "\x44\xae\x42\x60\x82";
    return std::string(bytes, sizeof bytes - 1);
}

bool run_known_bugs() {
    const char* value = std::getenv("CDCWB_TEST_KNOWN_BUGS");
    return value && std::string(value) == "1";
}

// The suite ------------------------------------------------------------------------------------

void ApiTest::SetUpTestSuite() {
    suite_ = new Suite();
    try {
        if (postgresql_under_test()) {
            const std::string name = unique_database_name();
            std::string error;
            if (!shared_postgres().create_database(name, error))
                throw std::runtime_error("create database: " + error);
            suite_->drop = name;
            suite_->db_url = shared_postgres().url(name);
        } else {
            char dir[] = "/tmp/cdcwb-api-test-XXXXXX";
            if (!::mkdtemp(dir)) throw std::runtime_error("mkdtemp failed");
            suite_->drop = dir;
            suite_->db_url = "sqlite:" + std::string(dir) + "/cdcwb.sqlite";
        }
        seed_example(suite_->db_url, password_for(std::string(kAdmin)));
        std::string error;
        suite_->server = CdcwbServer::start(suite_->db_url, error);
        if (!suite_->server) throw std::runtime_error(error);
    } catch (const std::exception& e) {
        suite_->error = e.what();
        suite_->server.reset();
    }
}

void ApiTest::TearDownTestSuite() {
    if (suite_->server) {
        const auto ended = suite_->server->stop();
        if (!ended.clean())
            ADD_FAILURE() << "the suite's cdcwb serve " << ended.describe()
                          << " on SIGTERM; its output ends:\n"
                          << tail(suite_->server->output());
        suite_->server.reset();
    }
    if (postgresql_under_test()) {
        std::string error;
        if (!suite_->drop.empty()) shared_postgres().drop_database(suite_->drop, error);
    } else if (!suite_->drop.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(suite_->drop, ec);
    }
    delete suite_;
    suite_ = nullptr;
}

void ApiTest::SetUp() {
    if (!suite_->server) GTEST_FAIL() << "the suite's server did not start: " << suite_->error;
    client_ = std::make_unique<HttpClient>("127.0.0.1", suite_->server->port());
}

HttpResponse ApiTest::call(const Caller& who, std::string_view method, std::string_view target,
                           std::string_view body, const Headers& extra) {
    Headers headers = who.headers(is_write(method));
    bool typed = false;
    for (const auto& [name, value] : extra) {
        std::string lower = name;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        typed = typed || lower == "content-type";
        headers.emplace_back(name, value);
    }
    if (!body.empty() && !typed) headers.emplace_back("Content-Type", "application/json");
    return client_->request(method, target, headers, body);
}

// People ---------------------------------------------------------------------------------------

Caller ApiTest::sign_in(const std::string& username, const std::string& password) {
    const auto r = call({}, "POST", "/api/v1/session",
                        Json{{"username", username}, {"password", password}}.dump());
    if (r.status != 201)
        throw std::runtime_error("sign in as " + username + ": status " + std::to_string(r.status) +
                                 " " + shorten(r.body));
    const std::string cookie = r.header("set-cookie");
    const std::string prefix = "cdcwb_session=";
    const auto at = cookie.find(prefix);
    if (at == std::string::npos) throw std::runtime_error("sign in set no cookie: " + cookie);
    const auto value = cookie.substr(at + prefix.size());
    Caller caller;
    caller.username = username;
    caller.session = value.substr(0, value.find(';'));
    caller.csrf = json_of(r).at("csrf_token").get<std::string>();
    return caller;
}

const Caller& ApiTest::admin() {
    auto it = suite_->users.find(std::string(kAdmin));
    if (it == suite_->users.end())
        it = suite_->users
                 .emplace(kAdmin, sign_in(std::string(kAdmin), password_for(std::string(kAdmin))))
                 .first;
    return it->second;
}

Caller ApiTest::create_user(const std::string& username, bool is_admin) {
    const auto r = post(admin(), "/api/v1/users",
                        Json{{"username", username},
                             {"password", password_for(username)},
                             {"display_name", "Test " + username},
                             {"is_admin", is_admin}});
    if (r.status != 201)
        throw std::runtime_error("create user " + username + ": status " +
                                 std::to_string(r.status) + " " + shorten(r.body));
    return sign_in(username, password_for(username));
}

const Caller& ApiTest::member(const std::string& role) {
    const std::string username = role + "-of-kasumi";
    auto it = suite_->users.find(username);
    if (it != suite_->users.end()) return it->second;
    Caller caller = create_user(username);
    const auto granted = put(admin(), "/api/v1/orgs/" + std::string(kOrg) + "/members/" + username,
                             Json{{"role", role}});
    if (granted.status != 200)
        throw std::runtime_error("grant " + role + " to " + username + ": status " +
                                 std::to_string(granted.status) + " " + shorten(granted.body));
    return suite_->users.emplace(username, caller).first->second;
}

const Caller& ApiTest::outsider() {
    const std::string username = "outsider";
    auto it = suite_->users.find(username);
    if (it != suite_->users.end()) return it->second;
    Caller caller = create_user(username);
    create_org("elsewhere", {{username, "admin"}});
    return suite_->users.emplace(username, caller).first->second;
}

Caller ApiTest::with_token(const Caller& who) {
    const auto r = post(who, "/api/v1/tokens",
                        Json{{"name", "test token"},
                             {"scope", "read_write"},
                             {"password", password_for(who.username)}});
    if (r.status != 201)
        throw std::runtime_error("create a token for " + who.username + ": status " +
                                 std::to_string(r.status) + " " + shorten(r.body));
    return who.bearer(json_of(r).at("token").get<std::string>());
}

// Organisations and state ----------------------------------------------------------------------

std::string ApiTest::unique_id(const std::string& prefix) {
    static std::atomic<int> counter{0};
    return prefix + "-" + std::to_string(++counter);
}

std::string ApiTest::create_org(const std::string& prefix,
                                const std::map<std::string, std::string>& roles) {
    const std::string id = unique_id(prefix);
    const auto r = post(admin(), "/api/v1/orgs",
                        Json{{"id", id}, {"name", "Test " + id}, {"template", "small-company"}});
    if (r.status != 201)
        throw std::runtime_error("create organisation " + id + ": status " +
                                 std::to_string(r.status) + " " + shorten(r.body));
    for (const auto& [username, role] : roles) {
        const auto granted =
            put(admin(), "/api/v1/orgs/" + id + "/members/" + username, Json{{"role", role}});
        if (granted.status != 200)
            throw std::runtime_error("grant " + role + " in " + id + " to " + username +
                                     ": status " + std::to_string(granted.status) + " " +
                                     shorten(granted.body));
    }
    return id;
}

Fingerprint ApiTest::fingerprint(std::string_view org) {
    const std::string base = "/api/v1/orgs/" + std::string(org);
    const auto exported = get(admin(), base + "/export");
    const auto members = get(admin(), base + "/members");
    const auto audit = get(admin(), "/api/v1/audit?limit=1");
    if (exported.status != 200 || members.status != 200 || audit.status != 200)
        throw std::runtime_error("cannot read the state of " + std::string(org) + ": " +
                                 shorten(exported.body) + shorten(members.body) +
                                 shorten(audit.body));
    const auto records = json_of(audit).at("records");
    return {exported.body, members.body, records.empty() ? "" : records.front().dump()};
}

void ApiTest::expect_unchanged(const Fingerprint& before, std::string_view what,
                               std::string_view org) {
    const auto after = fingerprint(org);
    EXPECT_EQ(after.newest_audit, before.newest_audit)
        << what << " wrote to the audit log (newest record above)";
    EXPECT_TRUE(after.export_yaml == before.export_yaml)
        << what << " changed the state of " << org << " (its export differs)";
    EXPECT_EQ(after.members, before.members) << what << " changed the members of " << org;
}

std::string gunzip(const std::string& data) {
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) throw std::runtime_error("inflateInit2 failed");
    std::string out;
    char buffer[65536];
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - zs.avail_out);
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("not a complete gzip stream");
    return out;
}

} // namespace cdcwb::testing
