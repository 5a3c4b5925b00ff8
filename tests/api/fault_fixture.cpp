#include "api/fault_fixture.hpp"

#include "support/postgres_server.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sqlite3.h>
#include <stdexcept>

namespace cdcwb::testing {

using namespace std::chrono_literals;

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kActionWriter = "actions";
constexpr std::size_t kShown = 300;

std::string head(const std::string& text) {
    return text.size() <= kShown ? text : text.substr(0, kShown) + "…";
}

Json parsed(const HttpResponse& r) {
    auto json = Json::parse(r.body, nullptr, false);
    if (json.is_discarded())
        throw std::runtime_error("not JSON (status " + std::to_string(r.status) +
                                 "): " + head(r.body));
    return json;
}

Headers bearer(const std::string& token, bool with_body) {
    Headers out{{"Authorization", "Bearer " + token}};
    if (with_body) out.emplace_back("Content-Type", "application/json");
    return out;
}

std::string org_path() {
    return "/api/v1/orgs/" + std::string(kOrg);
}

/// The number at the end of "fault <service> <n>", or -1.
long long number_of(const std::string& rationale) {
    const auto space = rationale.rfind(' ');
    if (rationale.rfind("fault ", 0) != 0 || space == std::string::npos) return -1;
    return std::atoll(rationale.c_str() + space + 1);
}

} // namespace

FreshDatabase::FreshDatabase() {
    char dir[] = "/tmp/cdcwb-fault-XXXXXX";
    if (!::mkdtemp(dir)) throw std::runtime_error("mkdtemp failed");
    folder_ = dir;
    if (postgresql_under_test()) {
        postgres_database_ = unique_database_name();
        std::string error;
        if (!shared_postgres().create_database(postgres_database_, error))
            throw std::runtime_error("create database: " + error);
        url_ = shared_postgres().url(postgres_database_);
    } else {
        sqlite_path_ = folder_ + "/cdcwb.sqlite";
        url_ = "sqlite:" + sqlite_path_;
    }
}

FreshDatabase::~FreshDatabase() {
    std::string error;
    if (!postgres_database_.empty()) shared_postgres().drop_database(postgres_database_, error);
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
}

void seed_database(const std::string& db_url) {
    seed_example(db_url, kFaultAdminPassword);
}

std::string make_token(unsigned short port) {
    HttpClient client("127.0.0.1", port, 30s);
    const auto signed_in = client.request(
        "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
        Json{{"username", std::string(kAdmin)}, {"password", kFaultAdminPassword}}.dump());
    if (signed_in.status != 201)
        throw std::runtime_error("sign in: status " + std::to_string(signed_in.status) + " " +
                                 head(signed_in.body));
    const std::string cookie = signed_in.header("set-cookie");
    const std::string session = cookie.substr(0, cookie.find(';'));
    const auto made = client.request(
        "POST", "/api/v1/tokens",
        {{"Content-Type", "application/json"},
         {"Cookie", session},
         {"X-CSRF-Token", parsed(signed_in).at("csrf_token").get<std::string>()}},
        Json{{"name", "fault load"}, {"scope", "read_write"}, {"password", kFaultAdminPassword}}
            .dump());
    if (made.status != 201)
        throw std::runtime_error("make a token: status " + std::to_string(made.status) + " " +
                                 head(made.body));
    return parsed(made).at("token").get<std::string>();
}

Served serve(const std::string& db_url, std::string token) {
    std::string error;
    Served out{CdcwbServer::start(db_url, error), std::move(token)};
    if (!out.server) throw std::runtime_error(error);
    if (out.token.empty()) out.token = make_token(out.port());
    return out;
}

// The ledger -----------------------------------------------------------------------------------

std::size_t Ledger::acknowledged() {
    std::lock_guard lock(mutex);
    return acked.count();
}

Acknowledged Ledger::copy() {
    std::lock_guard lock(mutex);
    return acked;
}

// The load -------------------------------------------------------------------------------------

WriteLoad::WriteLoad(unsigned short port, std::string token, Ledger& ledger,
                     std::vector<std::string> services)
    : port_(port), token_(std::move(token)), ledger_(ledger) {
    running_ = static_cast<int>(services.size()) + 1;
    for (const auto& service : services)
        threads_.emplace_back([this, service] { edit_service(service); });
    threads_.emplace_back([this] { create_actions(); });
}

WriteLoad::~WriteLoad() {
    stop();
}

void WriteLoad::stop() {
    stop_ = true;
    for (auto& t : threads_)
        if (t.joinable()) t.join();
}

void WriteLoad::wait_for_acknowledged(std::size_t count) {
    const std::size_t goal = ledger_.acknowledged() + count;
    const auto give_up = std::chrono::steady_clock::now() + 60s; // a hang guard, not a timing
    while (ledger_.acknowledged() < goal && running_ > 0 &&
           std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(2ms);
}

Answers WriteLoad::answers() {
    std::lock_guard lock(mutex_);
    return answers_;
}

void WriteLoad::count(int status, const std::string& body) {
    std::lock_guard lock(mutex_);
    ++answers_.by_status[status];
    if (status >= 500 && !(status == 503 && body.find("\"unavailable\"") != std::string::npos))
        answers_.unexpected.push_back(std::to_string(status) + ": " + head(body));
}

void WriteLoad::edit_service(const std::string& service) {
    HttpClient client("127.0.0.1", port_, 20s);
    const std::string path = org_path() + "/services/" + service;
    Json entry;
    try {
        while (!stop_) {
            if (entry.is_null()) {
                const auto r = client.request("GET", path, bearer(token_, false));
                if (r.status != 200) {
                    count(r.status, r.body);
                    std::this_thread::sleep_for(5ms);
                    continue;
                }
                entry = parsed(r);
            }
            long long n = 0;
            {
                std::lock_guard lock(ledger_.mutex);
                n = ledger_.next[service]++;
            }
            const std::string rationale = "fault " + service + " " + std::to_string(n);
            entry["rationale"] = rationale;
            const auto r = client.request("PUT", path, bearer(token_, true), entry.dump());
            count(r.status, r.body);
            if (r.status == 200) {
                std::lock_guard lock(ledger_.mutex);
                ledger_.acked.rationales.insert(rationale);
                ledger_.acked.last_by_service[service] = n;
            }
            if (r.status == 200) {
                entry = parsed(r);
            } else {
                // 409: a write that was not acknowledged was made after all; start again from
                // what is there. Otherwise read it again once the database answers.
                entry = Json();
                if (r.status != 409) std::this_thread::sleep_for(5ms);
            }
        }
    } catch (const std::exception&) {
        count(0, {}); // the server no longer answers
    }
    --running_;
}

void WriteLoad::create_actions() {
    HttpClient client("127.0.0.1", port_, 20s);
    try {
        while (!stop_) {
            long long n = 0;
            {
                std::lock_guard lock(ledger_.mutex);
                n = ledger_.next[kActionWriter]++;
            }
            const std::string title = "fault action " + std::to_string(n);
            const auto r = client.request("POST", org_path() + "/actions", bearer(token_, true),
                                          Json{{"title", title}, {"services", {"D-2"}}}.dump());
            count(r.status, r.body);
            if (r.status == 201) {
                std::lock_guard lock(ledger_.mutex);
                ledger_.acked.actions.insert(title);
            } else {
                std::this_thread::sleep_for(5ms);
            }
        }
    } catch (const std::exception&) {
        count(0, {});
    }
    --running_;
}

// The checks -----------------------------------------------------------------------------------

::testing::AssertionResult HoldsEveryAcknowledgedWrite(unsigned short port,
                                                       const std::string& token,
                                                       const Acknowledged& acked,
                                                       std::size_t& checked, std::size_t& lost) {
    HttpClient client("127.0.0.1", port, 30s);
    const auto get = [&](const std::string& target) {
        const auto r = client.request("GET", target, bearer(token, false));
        if (r.status != 200)
            throw std::runtime_error("GET " + target + ": status " + std::to_string(r.status) +
                                     " " + head(r.body));
        return parsed(r);
    };
    // What the audit log says was written.
    std::set<std::string> audited_rationales;
    std::set<std::string> audited_actions;
    long long before = 0;
    for (;;) {
        const auto page = get("/api/v1/audit?org=" + std::string(kOrg) + "&limit=1000" +
                              (before > 0 ? "&before=" + std::to_string(before) : std::string()));
        for (const auto& record : page.at("records")) {
            const auto& after = record.at("after");
            if (!after.is_object()) continue;
            if (record.at("entity") == "service" && after.contains("rationale") &&
                after.at("rationale").is_string())
                audited_rationales.insert(after.at("rationale").get<std::string>());
            if (record.at("entity") == "action" && record.at("operation") == "create" &&
                after.contains("title"))
                audited_actions.insert(after.at("title").get<std::string>());
        }
        if (page.at("next_before").is_null()) break;
        before = page.at("next_before").get<long long>();
    }

    std::vector<std::string> problems;
    checked = acked.rationales.size() + acked.actions.size();
    lost = 0;
    for (const auto& rationale : acked.rationales)
        if (!audited_rationales.count(rationale)) {
            ++lost;
            problems.push_back("acknowledged but not in the audit log: " + rationale);
        }
    for (const auto& [service, last] : acked.last_by_service) {
        const auto entry = get(org_path() + "/services/" + service);
        const std::string rationale = entry.at("rationale").get<std::string>();
        if (number_of(rationale) < last) {
            ++lost;
            problems.push_back(service + " holds '" + rationale +
                               "', older than the acknowledged " + std::to_string(last));
        }
        if (!audited_rationales.count(rationale))
            problems.push_back(service + " holds '" + rationale +
                               "' with no audit record: half-written");
    }
    std::set<std::string> listed;
    const auto actions = get(org_path() + "/actions"); // kept: the loop refers into it
    for (const auto& action : actions.at("actions")) {
        const std::string title = action.at("title").get<std::string>();
        listed.insert(title);
        if (title.rfind("fault action ", 0) == 0 && !audited_actions.count(title))
            problems.push_back("action '" + title + "' has no audit record: half-written");
    }
    for (const auto& title : acked.actions)
        if (!listed.count(title) || !audited_actions.count(title)) {
            ++lost;
            problems.push_back("acknowledged action '" + title + "'" +
                               (listed.count(title) ? "" : " is not there") +
                               (audited_actions.count(title) ? "" : " has no audit record"));
        }
    if (problems.empty()) return ::testing::AssertionSuccess();
    auto failure = ::testing::AssertionFailure();
    failure << problems.size() << " problems among " << checked << " acknowledged writes:";
    for (std::size_t i = 0; i < problems.size() && i < 20; ++i) failure << "\n  " << problems[i];
    return failure;
}

::testing::AssertionResult AuditChainsVerify(const std::string& db_url) {
    const auto verified = run_cdcwb({"audit", "verify", "--db", db_url});
    if (verified.exit_code == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "cdcwb audit verify exited " << verified.exit_code << ":\n"
           << verified.output;
}

::testing::AssertionResult SqliteFileIsIntact(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return ::testing::AssertionFailure() << "cannot open " << path << ": " << message;
    }
    std::vector<std::string> rows;
    for (const char* check : {"pragma integrity_check", "pragma foreign_key_check"}) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, check, -1, &st, nullptr) != SQLITE_OK) {
            rows.push_back(std::string(check) + ": " + sqlite3_errmsg(db));
            continue;
        }
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(st, 0);
            rows.push_back(std::string(check) + ": " +
                           (text ? reinterpret_cast<const char*>(text) : "(null)"));
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    if (rows.size() == 1 && rows.front() == "pragma integrity_check: ok")
        return ::testing::AssertionSuccess();
    auto failure = ::testing::AssertionFailure() << path << " is damaged:";
    for (const auto& row : rows) failure << "\n  " << row;
    return failure;
}

::testing::AssertionResult IsUnavailable(const HttpResponse& response) {
    if (response.status != 503)
        return ::testing::AssertionFailure()
               << "expected 503, got " << response.status << ": " << head(response.body);
    const auto body = Json::parse(response.body, nullptr, false);
    if (body.is_discarded() || !body.contains("error") ||
        body["error"].value("code", "") != "unavailable")
        return ::testing::AssertionFailure() << "expected the error unavailable: " << response.body;
    if (body["error"].value("message", "").empty())
        return ::testing::AssertionFailure() << "the error has no message: " << response.body;
    if (response.header("retry-after").empty())
        return ::testing::AssertionFailure() << "a 503 without Retry-After";
    // None of the driver's words reach a client.
    for (const char* word : {"database error", "Fatal", "Connection failed", "soci", "PQ", "sqlite",
                             "SQLITE", "Cannot execute", "disk I/O"})
        if (response.body.find(word) != std::string::npos)
            return ::testing::AssertionFailure()
                   << "the answer shows the driver's text ('" << word << "'): " << response.body;
    return ::testing::AssertionSuccess();
}

} // namespace cdcwb::testing
