// Store benchmark: score updates per second (each with its audit record) on SQLite and
// PostgreSQL, and the time to load one organisation's full state, against raw SQLite doing the
// same row work through the C API in the same run (the ceiling). Prints ratios; figures are
// recorded in docs/performance.md. Not a test: nothing here passes or fails on time.
//
// Usage: store_bench [--seconds S] [--no-postgresql]
#include "report/assessment_file.hpp"
#include "store/store.hpp"
#include "support/postgres_server.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace cdcwb;
using Clock = std::chrono::steady_clock;

double seconds_per_case = 3.0;
constexpr int kRounds = 5;

/// Runs `op` repeatedly for `seconds`; returns operations per second.
double rate_for(const std::function<void(long long)>& op, double seconds, long long& n) {
    const auto start = Clock::now();
    const auto stop = start + std::chrono::duration<double>(seconds);
    long long done = 0;
    while (Clock::now() < stop)
        for (int k = 0; k < 10; ++k, ++done) op(n++);
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    return static_cast<double>(done) / elapsed;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

/// The rates of a case and its ceiling, measured in alternating rounds so that the machine's
/// noise hits both alike; each is the median of its rounds.
std::pair<double, double> paired(const std::function<void(long long)>& ceiling,
                                 const std::function<void(long long)>& measured) {
    long long a = 0, b = 0;
    for (int i = 0; i < 20; ++i) { // warm up
        ceiling(a++);
        measured(b++);
    }
    std::vector<double> ceilings, rates;
    const double slice = seconds_per_case / kRounds;
    for (int round = 0; round < kRounds; ++round) {
        ceilings.push_back(rate_for(ceiling, slice, a));
        rates.push_back(rate_for(measured, slice, b));
    }
    return {median(ceilings), median(rates)};
}

double rate(const std::function<void(long long)>& op) {
    long long n = 0;
    std::vector<double> rates;
    for (int round = 0; round < kRounds; ++round)
        rates.push_back(rate_for(op, seconds_per_case / kRounds, n));
    return median(rates);
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

/// The ceiling: raw SQLite with the store's settings (WAL, synchronous, foreign keys), a table
/// of the same shape as service_entries holding 64 rows.
struct RawSqlite {
    sqlite3* db = nullptr;
    sqlite3_stmt* update = nullptr;
    sqlite3_stmt* audit = nullptr;
    sqlite3_stmt* select = nullptr;
    /// An audit value of the size the store writes for one service entry.
    std::string value = R"({"service":"A-1","level":"basic","assignment":"insource",)"
                        R"("owner":"Information Security Office","provider":"","sourcing":null,)"
                        R"("insource":{"as_is":"2","to_be":"4"},"outsource":{},"unassigned":{},)"
                        R"("rationale":"write 0","evidence":[],"capacity":"","capability":""})";

    RawSqlite(const std::string& path, const char* synchronous) {
        check(sqlite3_open(path.c_str(), &db), db, "open");
        const std::string setup =
            std::string("pragma journal_mode = wal; pragma synchronous = ") + synchronous +
            "; pragma foreign_keys = on; create table entries (org_id bigint, service_id text, "
            "position integer, level text, assignment text, owner text, provider text, "
            "sourcing_information text, sourcing_skill integer, insource_as_is text, "
            "insource_to_be text, outsource_as_is text, outsource_to_be text, unassigned_as_is "
            "text, unassigned_to_be text, rationale text, capacity text, capability text, "
            "evidence text, revision bigint, updated_at text, updated_by text, primary key "
            "(org_id, service_id)); create table audit (id integer primary key autoincrement, at "
            "text, actor text, org_id bigint, org_slug text, entity text, entity_id text, "
            "operation text, before_value text, after_value text); create index audit_by_org on "
            "audit (org_slug, id);";
        check(sqlite3_exec(db, setup.c_str(), nullptr, nullptr, nullptr), db, "setup");
        check(sqlite3_exec(db, "begin", nullptr, nullptr, nullptr), db, "begin");
        for (int i = 0; i < 64; ++i) {
            const std::string row = "insert into entries values (1, 'S-" + std::to_string(i) +
                                    "', " + std::to_string(i) +
                                    ", 'basic', 'insource', 'SOC', '', null, null, '2', '4', null, "
                                    "null, null, null, 'why', '[]', '', '', 1, 'now', 'me')";
            check(sqlite3_exec(db, row.c_str(), nullptr, nullptr, nullptr), db, "insert");
        }
        check(sqlite3_exec(db, "commit", nullptr, nullptr, nullptr), db, "commit");
        check(sqlite3_prepare_v2(db,
                                 "update entries set insource_as_is = ?1, rationale = ?2, "
                                 "revision = revision + 1 where org_id = 1 and service_id = ?3",
                                 -1, &update, nullptr),
              db, "prepare update");
        check(sqlite3_prepare_v2(db,
                                 "insert into audit (at, actor, org_id, org_slug, entity, "
                                 "entity_id, operation, before_value, after_value) values (?1, "
                                 "'bench', 1, 'bench', 'service', ?2, 'update', ?3, ?4)",
                                 -1, &audit, nullptr),
              db, "prepare audit");
        check(sqlite3_prepare_v2(db,
                                 "select service_id, level, assignment, owner, provider, "
                                 "sourcing_information, sourcing_skill, insource_as_is, "
                                 "insource_to_be, outsource_as_is, outsource_to_be, "
                                 "unassigned_as_is, unassigned_to_be, rationale, evidence, "
                                 "capacity, capability, revision, updated_at, updated_by from "
                                 "entries where org_id = 1 order by position",
                                 -1, &select, nullptr),
              db, "prepare select");
    }
    ~RawSqlite() {
        sqlite3_finalize(update);
        sqlite3_finalize(audit);
        sqlite3_finalize(select);
        sqlite3_close(db);
    }
    /// The rows a score update writes, committed: the entry and its audit record.
    void update_one(long long n) {
        check(sqlite3_exec(db, "begin immediate", nullptr, nullptr, nullptr), db, "begin");
        const std::string service = "S-" + std::to_string(n % 64);
        const std::string score = std::to_string(1 + n % 5);
        const std::string why = "write " + std::to_string(n);
        sqlite3_bind_text(update, 1, score.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(update, 2, why.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(update, 3, service.c_str(), -1, SQLITE_TRANSIENT);
        check(sqlite3_step(update), db, "update");
        sqlite3_reset(update);
        sqlite3_bind_text(audit, 1, "2026-11-22T00:00:00.000Z", -1, SQLITE_STATIC);
        sqlite3_bind_text(audit, 2, service.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(audit, 3, value.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(audit, 4, value.c_str(), -1, SQLITE_STATIC);
        check(sqlite3_step(audit), db, "audit");
        sqlite3_reset(audit);
        check(sqlite3_exec(db, "commit", nullptr, nullptr, nullptr), db, "commit");
    }
    /// Reads the 64 rows, every column, as the store's load would.
    std::size_t select_all() {
        std::size_t bytes = 0;
        check(sqlite3_exec(db, "begin", nullptr, nullptr, nullptr), db, "begin");
        while (sqlite3_step(select) == SQLITE_ROW)
            for (int c = 0; c < 20; ++c)
                if (const auto* t = sqlite3_column_text(select, c))
                    bytes += std::strlen(reinterpret_cast<const char*>(t));
        sqlite3_reset(select);
        check(sqlite3_exec(db, "commit", nullptr, nullptr, nullptr), db, "commit");
        return bytes;
    }
};

struct StoreCase {
    std::unique_ptr<store::Database> db;
    std::unique_ptr<store::Store> store;
    std::vector<store::ServiceEntryRecord> entries;
};

StoreCase open_store(const store::DatabaseUrl& url, const catalogue::Library& library,
                     const domain::Assessment& example, const char* synchronous) {
    StoreCase c;
    store::OpenOptions options;
    options.sqlite_synchronous = synchronous;
    auto db = store::Database::open(url, options);
    if (!db) {
        std::fprintf(stderr, "open: %s\n", db.error().message.c_str());
        std::exit(1);
    }
    c.db = std::move(*db);
    c.store = std::make_unique<store::Store>(*c.db, library);
    auto state = c.store->organisations.import_assessment({"bench", {}}, "bench", example);
    if (!state) {
        std::fprintf(stderr, "import: %s\n", state.error().message.c_str());
        std::exit(1);
    }
    for (auto& e : state->entries)
        if (e.entry.assignment == domain::Assignment::insource) c.entries.push_back(e);
    return c;
}

/// One score update through the store: validated, revision-checked, audited, committed.
void store_update(StoreCase& c, long long n) {
    auto& record = c.entries[static_cast<std::size_t>(n) % c.entries.size()];
    auto entry = record.entry;
    entry.insource.as_is = *domain::Score::points(static_cast<int>(1 + n % 5));
    entry.insource.to_be = *domain::Score::points(5);
    entry.rationale = "write " + std::to_string(n);
    auto written = c.store->entries.update_entry({"bench", {}}, "bench", entry, record.revision);
    if (!written) {
        std::fprintf(stderr, "update: %s\n", written.error().message.c_str());
        std::exit(1);
    }
    record = *written;
}

void store_load(StoreCase& c, store::History history) {
    auto state = c.store->organisations.load("bench", history);
    if (!state || state->entries.size() < 64) std::exit(1);
}

} // namespace

int main(int argc, char** argv) {
    bool postgresql = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds_per_case = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--no-postgresql") == 0)
            postgresql = false;
    }
    auto loaded = catalogue::load_library();
    std::ifstream in(std::string(CDCWB_SOURCE_DIR) + "/examples/example-corp.yaml");
    std::stringstream text;
    text << in.rdbuf();
    auto read = report::read_assessment("example-corp.yaml", text.str(), loaded.library);
    if (!read.assessment) return 1;

    char dir_template[] = "/tmp/cdcwb-bench-XXXXXX";
    const std::filesystem::path dir = mkdtemp(dir_template);
    std::printf("store benchmark: %.1f s per case; example organisation of %zu services, %zu "
                "actions, %zu evaluations\n\n",
                seconds_per_case, read.assessment->services.size(), read.assessment->actions.size(),
                read.assessment->evaluations.size());
    std::printf("%-52s %12s %10s\n", "case", "per second", "vs ceiling");

    for (const char* sync : {"full", "normal"}) {
        RawSqlite raw((dir / (std::string("raw-") + sync + ".sqlite")).string(), sync);
        auto sqlite = open_store({store::Engine::sqlite,
                                  (dir / (std::string("store-") + sync + ".sqlite")).string(),
                                  {}},
                                 loaded.library, *read.assessment, sync);
        const auto [raw_updates, updates] = paired([&](long long n) { raw.update_one(n); },
                                                   [&](long long n) { store_update(sqlite, n); });
        std::printf("%-52s %12.0f %10s\n",
                    (std::string("raw SQLite: update row + audit row (sync=") + sync + ")").c_str(),
                    raw_updates, "ceiling");
        std::printf("%-52s %12.0f %9.2fx\n",
                    (std::string("store SQLite: score update + audit (sync=") + sync + ")").c_str(),
                    updates, updates / raw_updates);
        if (std::strcmp(sync, "full") == 0) {
            const auto [raw_selects, loads] =
                paired([&](long long) { raw.select_all(); },
                       [&](long long) { store_load(sqlite, store::History::summaries); });
            const double full_loads =
                rate([&](long long) { store_load(sqlite, store::History::full); });
            std::printf("%-52s %12.0f %10s   (%.3f ms)\n", "raw SQLite: select 64 rows",
                        raw_selects, "ceiling", 1000.0 / raw_selects);
            std::printf("%-52s %12.0f %9.2fx   (%.3f ms)\n",
                        "store SQLite: load organisation state", loads, loads / raw_selects,
                        1000.0 / loads);
            std::printf("%-52s %12.0f %9.2fx   (%.3f ms)\n",
                        "store SQLite: load with full evaluation history", full_loads,
                        full_loads / raw_selects, 1000.0 / full_loads);
        }
    }
    if (postgresql) {
        std::string error;
        auto server = testing::PostgresServer::start(error);
        if (!server || !server->create_database("bench", error)) {
            std::fprintf(stderr, "PostgreSQL: %s\n", error.c_str());
            return 1;
        }
        store::DatabaseUrl url{store::Engine::postgresql, {}, server->url("bench")};
        auto pg = open_store(url, loaded.library, *read.assessment, "full");
        const double updates = rate([&](long long n) { store_update(pg, n); });
        const double loads = rate([&](long long) { store_load(pg, store::History::summaries); });
        std::printf("%-52s %12.0f\n", "store PostgreSQL: score update + audit", updates);
        std::printf("%-52s %12.0f %10s   (%.3f ms)\n", "store PostgreSQL: load organisation state",
                    loads, "", 1000.0 / loads);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
