// bench/soak: the real `cdcwb serve` under many connections of mixed reads and writes for a chosen
// time — sign-ins, matrix edits that race each other (revisions, 409s), evaluations and their
// approvals, improvement actions, evidence uploads — on SQLite or on a private PostgreSQL. It
// checks, and exits 1 unless all hold:
//   - no answer is a 5xx but the documented 503 (`unavailable`, Retry-After) of an overloaded
//     server, and every request gets an answer;
//   - the server's memory (RSS) and open descriptors (/proc, 4 samples a second) are flat from the
//     warm-up mark (minute 2, or a third of a shorter run) to the end, within the tolerance
//     printed;
//   - every write the server acknowledged is in the data at the end and in the audit log, and the
//     audit chains verify.
//
//   soak [--engine sqlite|postgresql] [--duration SECONDS (600)] [--connections N (32)]
//        [--warmup SECONDS] [--seed N] [--serve-arg ARG]...
//
// --serve-arg passes one more argument to `cdcwb serve` (repeat it for each), e.g.
// `--serve-arg --answer-cache --serve-arg 0` to see the memory without the answer cache.
//
// Figures (requests and outcomes by operation, latencies, RSS and descriptors over time) go to
// standard output; docs/reliability.md records a run of each engine.
#include "support/cdcwb_server.hpp"
#include "support/http_client.hpp"
#include "support/postgres_server.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef CDCWB_SOURCE_DIR
#error "CDCWB_SOURCE_DIR must name the source tree"
#endif

namespace {

using cdcwb::testing::CdcwbServer;
using cdcwb::testing::Headers;
using cdcwb::testing::HttpClient;
using cdcwb::testing::HttpResponse;
using cdcwb::testing::PostgresServer;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kOrg = "soak";
constexpr const char* kAdmin = "soak-root";
/// Services every writer edits: few enough that edits race and some lose (409).
constexpr int kHotServices = 8;
constexpr int kAssessors = 6;
constexpr int kApprovers = 2;
constexpr int kViewers = 2;

struct Options {
    std::string engine = "sqlite";
    int duration = 600;
    int connections = 32;
    int warmup = -1; ///< -1: min(120, duration / 3)
    unsigned seed = 1;
    std::vector<std::string> serve_args; ///< more arguments for `cdcwb serve`
};

std::string password_of(const std::string& user) {
    return "Soak-" + std::to_string(user.size() * 7919) + "-staple-battery-horse";
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// The bytes of evidence upload `n` of connection `connection`: text, unique, 1 KiB to 192 KiB.
std::string evidence_bytes(int connection, int n) {
    std::mt19937 random(static_cast<unsigned>(connection * 100003 + n));
    const std::size_t size = 1024 + random() % (191 * 1024);
    std::string out =
        "soak evidence " + std::to_string(connection) + "/" + std::to_string(n) + "\n";
    while (out.size() < size) out += static_cast<char>('a' + random() % 26);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Who calls, and how each answer is counted.

struct Caller {
    std::string user;
    std::string cookie;
    std::string csrf;

    Headers headers(bool write) const {
        Headers out{{"Cookie", "cdcwb_session=" + cookie}};
        if (write) out.emplace_back("X-CSRF-Token", csrf);
        return out;
    }
};

/// Outcomes of one connection's requests, merged at the end.
struct Tally {
    std::map<std::string, std::map<int, long>> statuses; ///< operation → status → count
    std::map<std::string, std::vector<float>> ms;        ///< operation → durations
    long no_answer = 0;
    long overload = 0; ///< the documented 503s
    std::vector<std::string> problems;

    void problem(std::string what) {
        if (problems.size() < 20) problems.push_back(std::move(what));
    }
};

/// What the server acknowledged; checked against the data and the audit log at the end.
struct Acknowledged {
    struct ServiceWrite {
        std::string service;
        long revision;
        std::string rationale;
    };
    struct ActionWrite {
        std::string id;
        long revision;
        std::string title;
    };
    struct Upload {
        int connection;
        int n;
        std::string sha256;
        std::string filename;
    };
    std::vector<ServiceWrite> services;
    std::vector<ActionWrite> actions;
    std::vector<std::string> evaluations;
    std::vector<std::pair<std::string, std::string>> approvals; ///< evaluation, approver
    std::vector<Upload> uploads;
    std::map<std::string, long> sign_ins; ///< user → count
};

/// What the connections share: the actions and the evaluations not yet approved, to pick from.
struct Shared {
    std::mutex mutex;
    std::vector<std::string> actions;
    std::vector<std::string> unapproved;
    std::vector<std::string> hot;
};

class Connection {
  public:
    Connection(int index, unsigned short port, std::string user, std::string role, Shared& shared,
               unsigned seed)
        : index_(index), http_("127.0.0.1", port, std::chrono::seconds(60)), user_(std::move(user)),
          role_(std::move(role)), shared_(shared), random_(seed) {}

    /// Signs in; false (with a problem tallied) when it could not.
    bool sign_in() {
        const auto r =
            call("sign_in", "POST", "/api/v1/session",
                 Json{{"username", user_}, {"password", password_of(user_)}}.dump(), {201});
        if (!r || r->status != 201) return false;
        const std::string cookie = r->header("set-cookie");
        const auto at = cookie.find("cdcwb_session=");
        const auto value = cookie.substr(at + 14);
        caller_ = {user_, value.substr(0, value.find(';')),
                   Json::parse(r->body).at("csrf_token").get<std::string>()};
        ++acknowledged_.sign_ins[user_];
        return true;
    }

    void run(Clock::time_point until) {
        while (Clock::now() < until) {
            const int pick = static_cast<int>(random_() % 100);
            if (role_ == "viewer") {
                pick < 97 ? read() : renew_session();
            } else if (role_ == "approver") {
                pick < 75 ? read() : pick < 97 ? approve() : renew_session();
            } else if (pick < 40) {
                read();
            } else if (pick < 72) {
                edit_service();
            } else if (pick < 86) {
                pick % 2 ? create_action() : edit_action();
            } else if (pick < 90) {
                run_evaluation();
            } else if (pick < 98) {
                upload_evidence();
            } else {
                renew_session();
            }
        }
    }

    Tally tally;
    const Acknowledged& acknowledged() const { return acknowledged_; }

  private:
    std::string org_path() const { return std::string("/api/v1/orgs/") + kOrg; }
    std::string marker() { return "soak " + std::to_string(index_) + "/" + std::to_string(++n_); }

    /// One request, timed and counted under `op`; nullopt when no answer came. An answer not in
    /// `expected` is a problem, except the documented 503 of an overloaded server.
    std::optional<HttpResponse> call(const std::string& op, std::string_view method,
                                     const std::string& target, const std::string& body,
                                     std::initializer_list<int> expected,
                                     const std::string& type = "application/json") {
        Headers headers;
        if (!caller_.cookie.empty()) headers = caller_.headers(method != "GET");
        if (!body.empty()) headers.emplace_back("Content-Type", type);
        const auto start = Clock::now();
        HttpResponse r;
        try {
            r = http_.request(method, target, headers, body);
        } catch (const std::exception& e) {
            ++tally.no_answer;
            tally.problem(op + ": " + e.what());
            return std::nullopt;
        }
        tally.ms[op].push_back(static_cast<float>(seconds_since(start) * 1000));
        ++tally.statuses[op][r.status];
        if (std::find(expected.begin(), expected.end(), r.status) != expected.end()) return r;
        if (r.status == 503 && r.body.find("\"unavailable\"") != std::string::npos &&
            !r.header("retry-after").empty()) {
            ++tally.overload;
            return r;
        }
        tally.problem(op + " " + std::string(method) + " " + target + ": " +
                      std::to_string(r.status) + " " + r.body.substr(0, 300));
        return r;
    }

    void read() {
        static const char* kReads[] = {"/services",    "/services/", "/review", "/actions",
                                       "/evaluations", "/evidence",  "/trends", ""};
        std::string target = org_path() + kReads[random_() % std::size(kReads)];
        if (target.back() == '/') target += hot();
        call("read", "GET", target, {}, {200});
    }

    std::string hot() { return shared_.hot[random_() % shared_.hot.size()]; }

    /// Reads a hot service and writes it back changed; a third of the time with the copy read
    /// earlier instead, which another writer may have changed since (409).
    void edit_service() {
        const std::string service = hot();
        const std::string target = org_path() + "/services/" + service;
        auto& copy = copies_[service];
        if (copy.is_null() || random_() % 3 != 0) {
            const auto got = call("read", "GET", target, {}, {200});
            if (!got || got->status != 200) return;
            copy = Json::parse(got->body);
        }
        const std::string rationale = marker();
        copy["rationale"] = rationale;
        const auto r = call("edit_service", "PUT", target, copy.dump(), {200, 409});
        if (!r) return;
        if (r->status == 200) {
            copy = Json::parse(r->body);
            acknowledged_.services.push_back({service, copy.at("revision").get<long>(), rationale});
        } else if (r->status == 409) {
            copy = Json::parse(r->body).at("current");
        }
    }

    void create_action() {
        const std::string title = marker();
        // Two actions numbered at the same moment once clashed on PostgreSQL (a 409 from the
        // unique key); the store now holds the organisation while it numbers one.
        const auto r = call("create_action", "POST", org_path() + "/actions",
                            Json{{"title", title}, {"services", {hot()}}}.dump(), {201});
        if (!r || r->status != 201) return;
        const auto action = Json::parse(r->body);
        const std::string id = action.at("id");
        acknowledged_.actions.push_back({id, action.at("revision").get<long>(), title});
        std::lock_guard lock(shared_.mutex);
        shared_.actions.push_back(id);
    }

    /// Edits an action anyone made, from a fresh read, or a stale one a quarter of the time.
    void edit_action() {
        std::string id;
        {
            std::lock_guard lock(shared_.mutex);
            if (shared_.actions.empty()) return;
            id = shared_.actions[random_() % shared_.actions.size()];
        }
        const std::string target = org_path() + "/actions/" + id;
        const auto got = call("read", "GET", target, {}, {200});
        if (!got || got->status != 200) return;
        auto action = Json::parse(got->body);
        if (random_() % 4 == 0) action["revision"] = action.at("revision").get<long>() - 1;
        const std::string title = marker();
        action["title"] = title;
        const auto r = call("edit_action", "PUT", target, action.dump(), {200, 409});
        if (r && r->status == 200)
            acknowledged_.actions.push_back(
                {id, Json::parse(r->body).at("revision").get<long>(), title});
    }

    void run_evaluation() {
        const std::string id = "soak-" + std::to_string(index_) + "-" + std::to_string(++n_);
        const auto r = call("run_evaluation", "POST", org_path() + "/evaluations",
                            Json{{"id", id}, {"note", marker()}}.dump(), {201});
        if (!r || r->status != 201) return;
        acknowledged_.evaluations.push_back(id);
        std::lock_guard lock(shared_.mutex);
        shared_.unapproved.push_back(id);
    }

    /// Approves a recorded evaluation; two approvers may race for one (409 for the second).
    void approve() {
        std::string id;
        {
            std::lock_guard lock(shared_.mutex);
            if (shared_.unapproved.empty()) return read();
            const auto at = random_() % shared_.unapproved.size();
            id = shared_.unapproved[at];
            if (random_() % 2)
                shared_.unapproved.erase(shared_.unapproved.begin() +
                                         static_cast<std::ptrdiff_t>(at));
        }
        const auto r = call("approve", "POST", org_path() + "/evaluations/" + id + "/approval",
                            "{}", {200, 409});
        if (r && r->status == 200) acknowledged_.approvals.emplace_back(id, user_);
    }

    void upload_evidence() {
        const int n = ++n_;
        const std::string filename =
            "soak-" + std::to_string(index_) + "-" + std::to_string(n) + ".txt";
        const auto r =
            call("upload_evidence", "POST", org_path() + "/evidence?filename=" + filename,
                 evidence_bytes(index_, n), {201}, "text/plain");
        if (r && r->status == 201)
            acknowledged_.uploads.push_back(
                {index_, n, Json::parse(r->body).at("sha256").get<std::string>(), filename});
    }

    /// Signs out and in again.
    void renew_session() {
        call("sign_out", "DELETE", "/api/v1/session", {}, {204});
        caller_ = {};
        sign_in();
    }

    int index_;
    HttpClient http_;
    std::string user_;
    std::string role_;
    Shared& shared_;
    std::mt19937 random_;
    Caller caller_;
    int n_ = 0;
    std::map<std::string, Json> copies_;
    Acknowledged acknowledged_;
};

// ---------------------------------------------------------------------------------------------
// The server's memory and descriptors, once a second.

struct Sample {
    double t;
    long rss_kib;
    long fds;
};

long rss_kib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

/// The samples taken in [from, to): their lowest RSS (the floor a leak raises; a sign-in's
/// 64 MiB password hash comes and goes above it) and their highest descriptor count.
Sample window(const std::vector<Sample>& samples, double from, double to) {
    Sample out{from, -1, -1};
    for (const auto& s : samples)
        if (s.t >= from && s.t < to) {
            out.rss_kib = out.rss_kib < 0 ? s.rss_kib : std::min(out.rss_kib, s.rss_kib);
            out.fds = std::max(out.fds, s.fds);
        }
    return out;
}

// ---------------------------------------------------------------------------------------------
// The check at the end.

/// An administrator's requests for the check, failing loudly.
class Checker {
  public:
    Checker(unsigned short port, Caller admin)
        : http_("127.0.0.1", port, std::chrono::seconds(120)), admin_(std::move(admin)) {}

    Json get(const std::string& target) {
        const auto r = http_.request("GET", target, admin_.headers(false));
        if (r.status != 200)
            throw std::runtime_error("GET " + target + ": " + std::to_string(r.status) + " " +
                                     r.body.substr(0, 300));
        return Json::parse(r.body);
    }
    /// The array `key` of the answer to GET `target`.
    Json list(const std::string& target, const char* key) { return get(target).at(key); }
    std::string download(const std::string& target) {
        const auto r = http_.request("GET", target, admin_.headers(false));
        return r.status == 200 ? r.body : std::string();
    }

    /// Every record of the audit log at `base` (a list route taking limit and before).
    std::vector<Json> audit(const std::string& base) {
        std::vector<Json> out;
        long before = 0;
        for (;;) {
            std::string target = base + (base.find('?') == std::string::npos ? "?" : "&");
            target += "limit=1000" + (before ? "&before=" + std::to_string(before) : "");
            const Json page = get(target);
            const auto& records = page.at("records");
            for (const auto& r : records) out.push_back(r);
            if (page.at("next_before").is_null()) return out;
            before = page.at("next_before").get<long>();
        }
    }

  private:
    HttpClient http_;
    Caller admin_;
};

/// A member's text; "" when it is absent or not text (null).
std::string text_of(const Json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// Acknowledged writes missing from the data or the audit log; each is named on `out`.
long lost_writes(Checker& check, const Acknowledged& ack,
                 const std::map<std::string, long>& initial, std::ostream& out) {
    long lost = 0;
    const auto missing = [&](const std::string& what) {
        if (++lost <= 20) out << "  LOST: " << what << "\n";
    };
    const std::string base = std::string("/api/v1/orgs/") + kOrg;
    std::set<std::tuple<std::string, std::string, std::string, std::string>> logged;
    for (const auto& r : check.audit(base + "/audit")) {
        const auto& after = r.at("after");
        std::string text;
        if (after.is_object())
            for (const char* key : {"rationale", "title", "filename"})
                if (after.contains(key)) text = text_of(after, key);
        const std::string entity = text_of(r, "entity");
        const std::string id = text_of(r, "entity_id");
        const std::string operation = text_of(r, "operation");
        logged.insert({entity, id, operation, text});
        logged.insert({entity, id, operation, text_of(r, "actor")});
        logged.insert({entity, id, "*", text});
    }

    // Service entries: each acknowledged revision once, the newest one's text in the data, as
    // many revisions as acknowledged writes (only the soak writes them).
    std::map<std::string, Json> entries;
    for (const auto& e : check.list(base + "/services", "services")) entries[e.at("service")] = e;
    std::map<std::string, std::map<long, std::string>> by_service;
    for (const auto& w : ack.services) {
        if (!by_service[w.service].emplace(w.revision, w.rationale).second)
            missing("service " + w.service + " revision " + std::to_string(w.revision) +
                    " was acknowledged twice");
        if (!logged.count({"service", w.service, "*", w.rationale}))
            missing("service " + w.service + " '" + w.rationale + "' is not in the audit log");
    }
    for (const auto& [service, writes] : by_service) {
        const auto& now = entries[service];
        const long revision = now.value("revision", 0L);
        if (revision != initial.at(service) + static_cast<long>(writes.size()))
            missing("service " + service + " is at revision " + std::to_string(revision) +
                    " after " + std::to_string(writes.size()) + " acknowledged writes from " +
                    std::to_string(initial.at(service)));
        if (text_of(now, "rationale") != writes.rbegin()->second)
            missing("service " + service + " does not hold its last acknowledged write '" +
                    writes.rbegin()->second + "'");
    }

    // Actions: the newest acknowledged title of each is its title now.
    std::map<std::string, Json> actions;
    for (const auto& a : check.list(base + "/actions", "actions")) actions[a.at("id")] = a;
    std::map<std::string, std::pair<long, std::string>> newest;
    for (const auto& w : ack.actions) {
        auto& n = newest[w.id];
        if (w.revision > n.first) n = {w.revision, w.title};
        if (!logged.count({"action", w.id, "*", w.title}))
            missing("action " + w.id + " '" + w.title + "' is not in the audit log");
    }
    for (const auto& [id, n] : newest) {
        const auto it = actions.find(id);
        if (it == actions.end())
            missing("action " + id + " is gone");
        else if (it->second.value("revision", 0L) != n.first ||
                 text_of(it->second, "title") != n.second)
            missing("action " + id + " is not its last acknowledged write '" + n.second + "'");
    }

    // Evaluations and approvals.
    std::map<std::string, Json> evaluations;
    for (const auto& e : check.list(base + "/evaluations", "evaluations"))
        evaluations[e.at("id")] = e;
    for (const auto& id : ack.evaluations) {
        if (!evaluations.count(id)) missing("evaluation " + id + " is gone");
        if (!logged.count({"evaluation", id, "*", ""}))
            missing("evaluation " + id + " is not in the audit log");
    }
    for (const auto& [id, approver] : ack.approvals) {
        const auto it = evaluations.find(id);
        if (it == evaluations.end() || text_of(it->second, "approved_by") != approver)
            missing("the approval of " + id + " by " + approver + " is not in the data");
        if (!logged.count({"evaluation", id, "approve", approver}))
            missing("the approval of " + id + " by " + approver + " is not in the audit log");
    }

    // Evidence: listed, logged, and the same bytes back.
    std::map<std::string, Json> files;
    for (const auto& f : check.list(base + "/evidence", "evidence")) files[f.at("sha256")] = f;
    for (const auto& u : ack.uploads) {
        const auto it = files.find(u.sha256);
        if (it == files.end() || text_of(it->second, "filename") != u.filename)
            missing("evidence " + u.filename + " is not listed");
        else if (check.download(base + "/evidence/" + u.sha256) !=
                 evidence_bytes(u.connection, u.n))
            missing("evidence " + u.filename + " does not download as the bytes uploaded");
        if (!logged.count({"evidence", u.sha256, "create", u.filename}))
            missing("evidence " + u.filename + " is not in the audit log");
    }

    // Sign-ins: one audit record each at least (site-wide records).
    std::map<std::string, long> signed_in;
    for (const auto& r : check.audit("/api/v1/audit?entity=session"))
        if (text_of(r, "operation") == "sign_in") ++signed_in[text_of(r, "actor")];
    for (const auto& [user, count] : ack.sign_ins)
        if (signed_in[user] < count)
            missing(std::to_string(count - signed_in[user]) + " sign-ins of " + user +
                    " are not in the audit log");
    return lost;
}

// ---------------------------------------------------------------------------------------------

struct Database {
    std::unique_ptr<PostgresServer> postgres;
    std::string url;
    std::string folder;
    ~Database() {
        if (!folder.empty()) std::filesystem::remove_all(folder);
    }
};

bool open_database(const Options& o, Database& db, std::string& error) {
    if (o.engine == "postgresql") {
        db.postgres = PostgresServer::start(error);
        if (!db.postgres || !db.postgres->create_database("soak", error)) return false;
        db.url = db.postgres->url("soak");
        return true;
    }
    char dir[] = "/tmp/cdcwb-soak-XXXXXX";
    if (!::mkdtemp(dir)) {
        error = "cannot create a folder in /tmp";
        return false;
    }
    db.folder = dir;
    db.url = "sqlite:" + db.folder + "/soak.sqlite";
    return true;
}

Caller sign_in(HttpClient& http, const std::string& user) {
    const auto r = http.request("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                                Json{{"username", user}, {"password", password_of(user)}}.dump());
    if (r.status != 201) throw std::runtime_error("sign in as " + user + ": " + r.body);
    const std::string cookie = r.header("set-cookie");
    const auto value = cookie.substr(cookie.find("cdcwb_session=") + 14);
    return {user, value.substr(0, value.find(';')),
            Json::parse(r.body).at("csrf_token").get<std::string>()};
}

/// The users and their roles in the organisation, made by the administrator.
std::vector<std::pair<std::string, std::string>> make_users(HttpClient& http, const Caller& admin) {
    std::vector<std::pair<std::string, std::string>> users;
    for (int i = 1; i <= kAssessors; ++i)
        users.emplace_back("assessor-" + std::to_string(i), "assessor");
    for (int i = 1; i <= kApprovers; ++i)
        users.emplace_back("approver-" + std::to_string(i), "approver");
    for (int i = 1; i <= kViewers; ++i) users.emplace_back("viewer-" + std::to_string(i), "viewer");
    Headers headers = admin.headers(true);
    headers.emplace_back("Content-Type", "application/json");
    for (const auto& [user, role] : users) {
        const auto made = http.request(
            "POST", "/api/v1/users", headers,
            Json{{"username", user}, {"password", password_of(user)}, {"display_name", user}}
                .dump());
        const auto granted =
            http.request("PUT", std::string("/api/v1/orgs/") + kOrg + "/members/" + user, headers,
                         Json{{"role", role}}.dump());
        if (made.status != 201 || granted.status != 200)
            throw std::runtime_error("cannot make " + user + ": " + made.body + granted.body);
    }
    return users;
}

int usage(const std::string& message) {
    std::cerr << "soak: " << message
              << "\nusage: soak [--engine sqlite|postgresql] [--duration SECONDS] "
                 "[--connections N] [--warmup SECONDS] [--seed N] [--serve-arg ARG]...\n";
    return 2;
}

int run(const Options& o) {
    Database db;
    std::string error;
    if (!open_database(o, db, error)) {
        std::cerr << "soak: cannot open the " << o.engine << " database: " << error << "\n";
        return 2;
    }
    const auto added = cdcwb::testing::run_cdcwb(
        {"user", "add", kAdmin, "--admin", "--password-stdin", "--db", db.url},
        password_of(kAdmin) + "\n");
    const auto imported = cdcwb::testing::run_cdcwb(
        {"import", CDCWB_SOURCE_DIR "/examples/example-corp.yaml", "--org", kOrg, "--db", db.url});
    if (added.exit_code != 0 || imported.exit_code != 0) {
        std::cerr << "soak: cannot set up the database: " << added.output << imported.output
                  << "\n";
        return 2;
    }
    auto server = CdcwbServer::start(db.url, error, o.serve_args);
    if (!server) {
        std::cerr << "soak: the server did not start: " << error << "\n";
        return 2;
    }
    HttpClient setup("127.0.0.1", server->port());
    const Caller admin = sign_in(setup, kAdmin);
    const auto users = make_users(setup, admin);
    Checker check(server->port(), admin);
    Shared shared;
    std::map<std::string, long> initial;
    for (const auto& e :
         check.list(std::string("/api/v1/orgs/") + kOrg + "/services", "services")) {
        if (static_cast<int>(shared.hot.size()) == kHotServices) break;
        shared.hot.push_back(e.at("service"));
        initial[e.at("service")] = e.at("revision").get<long>();
    }

    std::vector<std::unique_ptr<Connection>> connections;
    for (int i = 0; i < o.connections; ++i) {
        const auto& [user, role] = users[static_cast<std::size_t>(i) % users.size()];
        connections.push_back(std::make_unique<Connection>(
            i, server->port(), user, role, shared, o.seed * 7919u + static_cast<unsigned>(i)));
        if (!connections.back()->sign_in()) {
            std::cerr << "soak: " << user
                      << " cannot sign in: " << connections.back()->tally.problems.front() << "\n";
            return 2;
        }
    }

    const double warmup = o.warmup >= 0 ? o.warmup : std::min(120, o.duration / 3);
    std::cout << "soak: " << o.engine << ", " << o.connections << " connections, " << o.duration
              << " s (warm-up mark at " << warmup << " s), server pid " << server->pid() << "\n"
              << std::flush;
    const auto start = Clock::now();
    const auto until = start + std::chrono::seconds(o.duration);
    std::vector<std::thread> threads;
    for (auto& c : connections) threads.emplace_back([&c, until] { c->run(until); });
    std::vector<Sample> samples;
    for (int tick = 1; Clock::now() < until; ++tick) {
        std::this_thread::sleep_until(start + std::chrono::milliseconds(250 * tick));
        samples.push_back({seconds_since(start), rss_kib(server->pid()),
                           static_cast<long>(cdcwb::testing::open_descriptors(server->pid()))});
        if (tick % 240 == 0)
            std::cout << "  " << tick / 4 << " s: RSS " << samples.back().rss_kib / 1024 << " MiB, "
                      << samples.back().fds << " descriptors\n"
                      << std::flush;
    }
    for (auto& t : threads) t.join();
    const double ran = seconds_since(start);

    // Outcomes.
    Tally all;
    Acknowledged ack;
    for (auto& c : connections) {
        for (const auto& [op, statuses] : c->tally.statuses)
            for (const auto& [status, n] : statuses) all.statuses[op][status] += n;
        for (auto& [op, ms] : c->tally.ms)
            all.ms[op].insert(all.ms[op].end(), ms.begin(), ms.end());
        all.no_answer += c->tally.no_answer;
        all.overload += c->tally.overload;
        for (const auto& p : c->tally.problems) all.problem(p);
        const auto& a = c->acknowledged();
        ack.services.insert(ack.services.end(), a.services.begin(), a.services.end());
        ack.actions.insert(ack.actions.end(), a.actions.begin(), a.actions.end());
        ack.evaluations.insert(ack.evaluations.end(), a.evaluations.begin(), a.evaluations.end());
        ack.approvals.insert(ack.approvals.end(), a.approvals.begin(), a.approvals.end());
        ack.uploads.insert(ack.uploads.end(), a.uploads.begin(), a.uploads.end());
        for (const auto& [user, n] : a.sign_ins) ack.sign_ins[user] += n;
    }
    ack.sign_ins[kAdmin] += 1;
    long requests = 0;
    long server_errors = 0;
    std::cout << "\nrequests by operation (status: count), p50 / p99 ms:\n";
    for (auto& [op, statuses] : all.statuses) {
        auto& ms = all.ms[op];
        std::sort(ms.begin(), ms.end());
        std::cout << "  " << op << ":";
        for (const auto& [status, n] : statuses) {
            std::cout << " " << status << ": " << n;
            requests += n;
            if (status >= 500 && status != 503) server_errors += n;
        }
        std::printf("  (%.1f / %.1f ms)\n", static_cast<double>(ms[ms.size() / 2]),
                    static_cast<double>(ms[ms.size() * 99 / 100]));
    }
    std::cout << "  " << requests << " requests in " << static_cast<long>(ran) << " s ("
              << static_cast<long>(static_cast<double>(requests) / ran) << "/s); " << all.overload
              << " documented 503s; " << server_errors << " other 5xx; " << all.no_answer
              << " without an answer\n";
    for (const auto& p : all.problems) std::cout << "  PROBLEM: " << p << "\n";

    // Memory and descriptors over 10 s at the mark and at the end (see window()). Tolerance: the
    // RSS floor may rise 10 % (at least 8 MiB: the allocator's arenas settle); descriptors by 8
    // (a connection closed after a 503 is opened again; the database's files come and go).
    const Sample mark = window(samples, warmup, warmup + 10);
    const Sample end = window(samples, ran - 10, ran + 1);
    long peak_rss = 0;
    for (const auto& s : samples) peak_rss = std::max(peak_rss, s.rss_kib);
    const long rss_allowed = mark.rss_kib + std::max(mark.rss_kib / 10, 8L * 1024);
    const long fds_allowed = mark.fds + 8;
    const bool flat = end.rss_kib <= rss_allowed && end.fds <= fds_allowed;
    std::printf("\nserver RSS %.1f MiB at %.0f s, %.1f MiB at the end (allowed %.1f; peak %.1f); "
                "descriptors %ld at %.0f s, %ld at the end (allowed %ld)\n",
                static_cast<double>(mark.rss_kib) / 1024, warmup,
                static_cast<double>(end.rss_kib) / 1024, static_cast<double>(rss_allowed) / 1024,
                static_cast<double>(peak_rss) / 1024, mark.fds, warmup, end.fds, fds_allowed);

    // Acknowledged writes.
    const long writes =
        static_cast<long>(ack.services.size() + ack.actions.size() + ack.evaluations.size() +
                          ack.approvals.size() + ack.uploads.size());
    long sign_ins = 0;
    for (const auto& [user, n] : ack.sign_ins) sign_ins += n;
    long lost = 0;
    bool verified = false;
    try {
        lost = lost_writes(check, ack, initial, std::cout);
        verified = check.get("/api/v1/audit/verify").value("verified", false);
    } catch (const std::exception& e) {
        std::cout << "  the check failed: " << e.what() << "\n";
        lost = -1;
    }
    std::cout << "acknowledged writes checked: " << writes << " (" << ack.services.size()
              << " matrix edits, " << ack.actions.size() << " action writes, "
              << ack.evaluations.size() << " evaluations, " << ack.approvals.size()
              << " approvals, " << ack.uploads.size() << " evidence files) and " << sign_ins
              << " sign-ins; lost: " << lost << "; audit chains "
              << (verified ? "verify" : "DO NOT VERIFY") << "\n";

    const auto stopped = server->stop(std::chrono::seconds(30));
    const bool ok = server_errors == 0 && all.no_answer == 0 && all.problems.empty() && flat &&
                    lost == 0 && verified && stopped.clean();
    if (!stopped.clean()) std::cout << "the server " << stopped.describe() << " on SIGTERM\n";
    std::cout << (ok ? "soak: PASSED\n" : "soak: FAILED\n");
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    const std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (i + 1 >= args.size()) return usage("'" + a + "' needs a value");
        const std::string& v = args[++i];
        try {
            if (a == "--engine" && (v == "sqlite" || v == "postgresql"))
                o.engine = v;
            else if (a == "--engine")
                return usage("--engine is sqlite or postgresql, not '" + v + "'");
            else if (a == "--duration")
                o.duration = std::stoi(v);
            else if (a == "--connections")
                o.connections = std::stoi(v);
            else if (a == "--warmup")
                o.warmup = std::stoi(v);
            else if (a == "--serve-arg")
                o.serve_args.push_back(v);
            else if (a == "--seed")
                o.seed = static_cast<unsigned>(std::stoul(v));
            else
                return usage("unknown option '" + a + "'");
        } catch (const std::exception&) {
            return usage(a + " takes a whole number, not '" + v + "'");
        }
    }
    if (o.duration < 30) return usage("--duration is at least 30 seconds");
    if (o.connections < 1 || o.connections > 1000) return usage("--connections is 1 to 1000");
    if (o.warmup >= o.duration - 10) return usage("--warmup must end 10 s before --duration");
    try {
        return run(o);
    } catch (const std::exception& e) {
        std::cerr << "soak: " << e.what() << "\n";
        return 1;
    }
}
