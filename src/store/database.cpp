// Opening the database, the session pool, migrations, integrity checks, backup and restore.
#include "store/database.hpp"

#include "store/audit_chain.hpp"
#include "store/embedded_migrations.hpp"
#include "store/sql.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <libpq-fe.h>
#include <mutex>
#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace cdcwb::store {

namespace {

using domain::Error;
using domain::ErrorCode;

using domain::invalid;

/// Creates `file` empty, readable and writable by its owner only, unless it exists. The database
/// holds every organisation's assessments and evidence: it (and SQLite's -wal and -shm files,
/// which take the database file's mode) must not be world-readable whatever the umask is.
Status create_private_file(const std::filesystem::path& file, std::string_view field) {
    const int fd = ::open(file.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    if (errno == EEXIST) return {};
    return invalid("cannot create " + file.string() + ": " + std::strerror(errno),
                   std::string(field));
}

/// Removes a SQLite database file and its -wal and -shm files (a backup that failed half-way).
void remove_database_files(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    std::filesystem::remove(file.string() + "-wal", ec);
    std::filesystem::remove(file.string() + "-shm", ec);
}

constexpr long kMigrationLockKey = 7106001; // pg_advisory_xact_lock key for migrations
/// How long requests fail at once after a failed attempt to reach PostgreSQL, before the next
/// attempt: at most this long between PostgreSQL coming back and the server using it again.
constexpr auto kReconnectPause = std::chrono::milliseconds(500);
/// libpq waits for ever for a host that does not answer unless told otherwise.
constexpr int kConnectTimeoutSeconds = 5;
constexpr const char* kUnreachable = "the database does not answer; retry shortly";

/// No connection could be had: the database is down or unreachable. Becomes `unavailable`.
class DatabaseUnreachable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Steps of a migration that SQL cannot do the same way on both engines, run right after its
/// statements in its transaction.
struct MigrationStep {
    int version;
    void (*run)(Session&);
};
constexpr MigrationStep kMigrationSteps[] = {
    {4, &audit_chain::chain_unchained}, // 0004_audit_chain.sql: chain the records already there
};

/// Tables in the order foreign keys allow inserting them.
constexpr std::string_view kTables[] = {
    "organisations",  "users",          "memberships",   "custom_services", "service_entries",
    "evidence_files", "trigger_events", "actions",       "action_services", "action_history",
    "evaluations",    "api_tokens",     "sessions",      "audit_log",       "audit_chains",
    "two_factor",     "recovery_codes", "site_settings",
};
/// Tables whose `id` the database numbers (PostgreSQL sequences to reset after a restore).
constexpr std::string_view kNumberedTables[] = {"organisations", "users",      "trigger_events",
                                                "evaluations",   "api_tokens", "audit_log",
                                                "recovery_codes"};

std::string quote_sqlite_path(const std::string& path) {
    // SOCI's connection string takes a quoted value; a quote inside the path cannot be expressed.
    return "db=\"" + path + "\"";
}

/// SOCI 4.0 reads its connection string as keyword=value pairs and mangles a URI, so the URI is
/// parsed with libpq's own parser and handed over in the keyword form.
Result<std::string> libpq_keywords(const std::string& uri) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
    if (!options) {
        std::string message = error ? error : "cannot parse the PostgreSQL URL";
        PQfreemem(error);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
            message.pop_back();
        return invalid(message, "db");
    }
    std::string out;
    for (auto* o = options; o->keyword; ++o) {
        if (!o->val) continue;
        std::string value;
        for (const char* c = o->val; *c; ++c) {
            if (*c == '\'' || *c == '\\') value += '\\';
            value += *c;
        }
        out += std::string(out.empty() ? "" : " ") + o->keyword + "='" + value + "'";
    }
    PQconninfoFree(options);
    // A host that does not answer at all (rather than refusing) must not hold a request for
    // minutes: give up connecting after a few seconds unless the URL says otherwise.
    if (out.find("connect_timeout=") == std::string::npos)
        out += std::string(out.empty() ? "" : " ") + "connect_timeout='" +
               std::to_string(kConnectTimeoutSeconds) + "'";
    return out;
}

using domain::internal;

void configure_sqlite(soci::session& sql, const OpenOptions& options) {
    sql << "pragma busy_timeout = " + std::to_string(options.busy_timeout_ms);
    sql << "pragma foreign_keys = on";
    sql << "pragma synchronous = " + options.sqlite_synchronous;
}

std::vector<std::string> column_names(soci::session& sql, Engine engine, std::string_view table) {
    std::vector<std::string> names;
    std::string name;
    std::string t(table);
    soci::statement st =
        engine == Engine::sqlite
            ? (sql.prepare << "select name from pragma_table_info(:t) order by cid", soci::use(t),
               soci::into(name))
            : (sql.prepare << "select column_name from information_schema.columns "
                              "where table_schema = current_schema() and table_name = :t "
                              "order by ordinal_position",
               soci::use(t), soci::into(name));
    st.execute();
    while (st.fetch()) names.push_back(name);
    return names;
}

/// Copies every row of `table` from one session to another, column by column as text (every
/// column is text or integer, and both engines convert integer text on insert).
void copy_table(soci::session& from, soci::session& to, std::string_view table,
                const std::vector<std::string>& columns) {
    const std::size_t n = columns.size();
    std::vector<std::string> values(n);
    std::vector<soci::indicator> inds(n, soci::i_ok);
    std::string list;
    std::string params;
    for (std::size_t i = 0; i < n; ++i) {
        list += (i ? ", " : "") + columns[i];
        params += (i ? ", :p" : ":p") + std::to_string(i);
    }
    soci::statement select(from);
    select.alloc();
    select.prepare("select " + list + " from " + std::string(table));
    for (std::size_t i = 0; i < n; ++i) select.exchange(soci::into(values[i], inds[i]));
    select.define_and_bind();

    soci::statement insert(to);
    insert.alloc();
    insert.prepare("insert into " + std::string(table) + " (" + list + ") values (" + params + ")");
    std::vector<std::string> out(n);
    std::vector<soci::indicator> out_inds(n, soci::i_ok);
    for (std::size_t i = 0; i < n; ++i) insert.exchange(soci::use(out[i], out_inds[i]));
    insert.define_and_bind();

    select.execute(false);
    while (select.fetch()) {
        for (std::size_t i = 0; i < n; ++i) {
            out[i] = inds[i] == soci::i_null ? std::string() : values[i];
            out_inds[i] = inds[i] == soci::i_null ? soci::i_null : soci::i_ok;
        }
        insert.execute(true);
    }
}

} // namespace

std::string_view to_string(Engine engine) {
    return engine == Engine::sqlite ? "sqlite" : "postgresql";
}

std::string DatabaseUrl::display() const {
    if (engine == Engine::sqlite) return "sqlite:" + path;
    // postgresql://user:secret@host/db → postgresql://user:***@host/db
    std::string shown = connection;
    const auto scheme = shown.find("://");
    const auto at = shown.find('@');
    if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
        const auto colon = shown.find(':', scheme + 3);
        if (colon != std::string::npos && colon < at)
            shown.replace(colon + 1, at - colon - 1, "***");
    }
    // …?password=secret&sslmode=require → …?password=***&sslmode=require
    for (auto pos = shown.find("password=", shown.find('?')); pos != std::string::npos;
         pos = shown.find("password=", pos + 1)) {
        const auto start = pos + 9;
        const auto end = shown.find('&', start);
        shown.replace(start, (end == std::string::npos ? shown.size() : end) - start, "***");
    }
    return shown;
}

Result<DatabaseUrl> parse_database_url(std::string_view url) {
    const auto starts = [&](std::string_view prefix) {
        return url.substr(0, prefix.size()) == prefix;
    };
    DatabaseUrl out;
    if (starts("postgresql://") || starts("postgres://")) {
        out.engine = Engine::postgresql;
        out.connection = std::string(url);
        return out;
    }
    std::string_view path;
    if (starts("sqlite://"))
        path = url.substr(9);
    else if (starts("sqlite:"))
        path = url.substr(7);
    else
        return invalid("unknown database URL '" + std::string(url) +
                           "'; use sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE",
                       "db");
    if (path.empty()) return invalid("the SQLite URL names no file; use sqlite:PATH", "db");
    if (path.find('"') != std::string_view::npos)
        return invalid("the SQLite file name must not contain '\"'", "db");
    out.engine = Engine::sqlite;
    out.path = std::string(path);
    return out;
}

std::filesystem::path default_data_dir() {
    if (const char* dir = std::getenv("CDCWB_DATA_DIR"); dir && *dir) return dir;
    return "cdcwb-data";
}

DatabaseUrl default_database_url() {
    DatabaseUrl url;
    url.engine = Engine::sqlite;
    url.path = (default_data_dir() / "cdcwb.sqlite").string();
    return url;
}

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = [] {
        std::vector<Migration> out;
        for (const auto& file : embedded_migrations()) {
            const auto slash = file.path.rfind('/');
            const std::string name(
                file.path.substr(slash == std::string_view::npos ? 0 : slash + 1));
            int version = 0;
            std::from_chars(name.data(), name.data() + name.size(), version);
            out.push_back({version, name, std::string(file.text)});
        }
        std::sort(out.begin(), out.end(),
                  [](const Migration& a, const Migration& b) { return a.version < b.version; });
        return out;
    }();
    return all;
}

int latest_schema_version() {
    return migrations().empty() ? 0 : migrations().back().version;
}

std::vector<std::string> migration_statements(const Migration& migration, Engine engine) {
    const std::string id = engine == Engine::sqlite
                               ? "integer primary key autoincrement"
                               : "bigint generated by default as identity primary key";
    std::vector<std::string> out;
    std::string current;
    std::istringstream lines(migration.sql);
    std::string line;
    while (std::getline(lines, line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
        for (auto pos = line.find("{{id}}"); pos != std::string::npos; pos = line.find("{{id}}"))
            line.replace(pos, 6, id);
        current += line + "\n";
        const auto last = line.find_last_not_of(" \t\r");
        if (last != std::string::npos && line[last] == ';') {
            current.erase(current.find_last_of(';'));
            out.push_back(current);
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
    return out;
}

// ---------------------------------------------------------------------------------------------

struct Database::Impl {
    DatabaseUrl url;
    OpenOptions options;
    std::string keywords; ///< PostgreSQL: the connection string, to connect again
    std::vector<std::unique_ptr<Session>> sessions;
    std::vector<bool> busy;
    std::mutex mutex;
    std::condition_variable freed;
    std::vector<int> applied_now;
    /// After a failed reconnect, no new attempt before this moment: while PostgreSQL is down,
    /// requests fail at once instead of each waiting for a connection attempt.
    std::chrono::steady_clock::time_point retry_after;

    void connect_postgresql(Session& session);
    void revive(std::size_t slot);
};

void Database::Impl::connect_postgresql(Session& session) {
    session.open(*soci::factory_postgresql(), keywords);
    session << "set client_min_messages = warning";
}

// A pooled PostgreSQL connection can die while it waits in the pool (the server restarted, or an
// administrator ended it) or while it works (the server went away mid-statement). Either way it
// never comes back by itself, so before each lease a dead one is replaced. Dead means libpq says
// so, or the idle socket has something to read: an idle connection is sent nothing unasked, so
// that is the server's farewell (an error message, or the end of the stream). One poll() per
// lease, no round trip. `slot` is leased to the caller, so its session is the caller's to swap.
void Database::Impl::revive(std::size_t slot) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sessions[slot]->get_backend());
    PGconn* conn = backend ? backend->conn_ : nullptr;
    if (conn && PQstatus(conn) == CONNECTION_OK) {
        pollfd idle{PQsocket(conn), POLLIN, 0};
        if (::poll(&idle, 1, 0) == 0) return;
    }
    {
        std::lock_guard lock(mutex);
        if (std::chrono::steady_clock::now() < retry_after)
            throw DatabaseUnreachable("PostgreSQL did not answer a moment ago; not retrying yet");
    }
    // A new session: the old one's prepared statements go with its connection.
    auto fresh = std::make_unique<Session>();
    fresh->engine = Engine::postgresql;
    try {
        connect_postgresql(*fresh);
    } catch (const std::exception& e) {
        std::lock_guard lock(mutex);
        retry_after = std::chrono::steady_clock::now() + kReconnectPause;
        throw DatabaseUnreachable(std::string("cannot connect to PostgreSQL: ") + e.what());
    }
    sessions[slot] = std::move(fresh);
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

Engine Database::engine() const {
    return impl_->url.engine;
}
const DatabaseUrl& Database::url() const {
    return impl_->url;
}
const std::vector<int>& Database::applied_now() const {
    return impl_->applied_now;
}

Session& Database::acquire(std::size_t& slot) {
    Session* session = nullptr;
    {
        std::unique_lock lock(impl_->mutex);
        while (!session) {
            for (std::size_t i = 0; i < impl_->busy.size() && !session; ++i) {
                if (!impl_->busy[i]) {
                    impl_->busy[i] = true;
                    slot = i;
                    session = impl_->sessions[i].get();
                }
            }
            if (!session) impl_->freed.wait(lock);
        }
    }
    if (impl_->url.engine == Engine::postgresql) {
        try {
            impl_->revive(slot);
        } catch (...) {
            release(slot);
            throw;
        }
        session = impl_->sessions[slot].get();
    }
    return *session;
}

void Database::release(std::size_t slot) {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->busy[slot] = false;
    }
    impl_->freed.notify_one();
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl& url,
                                                 const OpenOptions& options) {
    if (options.sqlite_synchronous != "full" && options.sqlite_synchronous != "normal" &&
        options.sqlite_synchronous != "extra")
        return invalid("synchronous must be full, extra or normal", "synchronous");
    auto impl = std::make_unique<Impl>();
    impl->url = url;
    impl->options = options;
    const std::size_t size = std::max<std::size_t>(1, options.pool_size);
    if (url.engine == Engine::postgresql) {
        auto parsed = libpq_keywords(url.connection);
        if (!parsed) return parsed.error();
        impl->keywords = *parsed;
    }
    try {
        if (url.engine == Engine::sqlite) {
            const std::filesystem::path file(url.path);
            if (file.has_parent_path()) {
                std::error_code ec;
                std::filesystem::create_directories(file.parent_path(), ec);
                if (ec)
                    return invalid("cannot create the folder " + file.parent_path().string() +
                                       ": " + ec.message(),
                                   "db");
            }
            if (auto created = create_private_file(file, "db"); !created) return created.error();
        }
        for (std::size_t i = 0; i < size; ++i) {
            auto session = std::make_unique<Session>();
            session->engine = url.engine;
            if (url.engine == Engine::sqlite) {
                session->open(*soci::factory_sqlite3(), quote_sqlite_path(url.path));
                configure_sqlite(*session, options);
                if (i == 0) {
                    std::string mode;
                    *session << "pragma journal_mode = wal", soci::into(mode);
                    if (mode != "wal")
                        return internal("cannot switch " + url.path + " to WAL mode (got " + mode +
                                        ")");
                }
            } else {
                impl->connect_postgresql(*session);
            }
            impl->sessions.push_back(std::move(session));
            impl->busy.push_back(false);
        }
    } catch (const std::exception& e) {
        return domain::make_error(domain::ErrorCode::internal,
                                  "cannot open the database " + url.display() + ": " + e.what(),
                                  "db");
    }
    std::unique_ptr<Database> db(new Database(std::move(impl)));
    auto version = db->schema_version();
    if (!version) return version.error();
    if (*version > latest_schema_version())
        return domain::conflict(
            "the database " + url.display() + " has schema version " + std::to_string(*version) +
                ", written by a newer cdcwb; this cdcwb knows " + "versions up to " +
                std::to_string(latest_schema_version()) + ". Upgrade cdcwb to use it.",
            "db");
    if (options.migrate) {
        if (auto applied = db->migrate(); !applied) return applied.error();
    } else if (*version < latest_schema_version()) {
        return domain::conflict("the database " + url.display() + " has schema version " +
                                    std::to_string(*version) + " and needs migrating to " +
                                    std::to_string(latest_schema_version()) +
                                    "; run `cdcwb migrate`",
                                "db");
    }
    return db;
}

Result<int> Database::schema_version() {
    return guarded([&]() -> Result<int> {
        Unit unit(*this, Unit::Mode::read);
        auto& sql = unit.sql();
        int exists = 0;
        if (unit.engine() == Engine::sqlite)
            sql << "select count(*) from sqlite_master where type = 'table' and name = "
                   "'schema_migrations'",
                soci::into(exists);
        else
            sql << "select count(*) from information_schema.tables where table_schema = "
                   "current_schema() and table_name = 'schema_migrations'",
                soci::into(exists);
        if (!exists) return 0;
        int version = 0;
        soci::indicator ind = soci::i_null;
        sql << "select max(version) from schema_migrations", soci::into(version, ind);
        return ind == soci::i_ok ? version : 0;
    });
}

Status Database::migrate() {
    impl_->applied_now.clear();
    return guarded([&]() -> Status {
        Unit unit(*this, Unit::Mode::write);
        auto& sql = unit.sql();
        if (unit.engine() == Engine::postgresql)
            sql << "select pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")";
        sql << "create table if not exists schema_migrations (version integer primary key, "
               "name text not null, applied_at text not null)";
        int current = 0;
        soci::indicator ind = soci::i_null;
        sql << "select max(version) from schema_migrations", soci::into(current, ind);
        if (ind != soci::i_ok) current = 0;
        if (current > latest_schema_version())
            return domain::conflict(
                "schema version " + std::to_string(current) + " is newer than this cdcwb knows (" +
                    std::to_string(latest_schema_version()) + "); upgrade cdcwb",
                "db");
        std::vector<int> applied;
        for (const auto& migration : migrations()) {
            if (migration.version <= current) continue;
            for (const auto& statement : migration_statements(migration, unit.engine()))
                sql << statement;
            for (const auto& step : kMigrationSteps)
                if (step.version == migration.version) step.run(sql);
            std::string now = "now";
            sql << (unit.engine() == Engine::sqlite
                        ? "insert into schema_migrations (version, name, applied_at) values "
                          "(:v, :n, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
                        : "insert into schema_migrations (version, name, applied_at) values "
                          "(:v, :n, to_char(now() at time zone 'utc', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))"),
                soci::use(migration.version), soci::use(migration.name);
            applied.push_back(migration.version);
        }
        unit.commit();
        impl_->applied_now = std::move(applied);
        return {};
    });
}

Status Database::check_integrity() {
    return guarded([&]() -> Status {
        Unit unit(*this, Unit::Mode::read);
        auto& sql = unit.sql();
        if (unit.engine() == Engine::postgresql) {
            int one = 0;
            sql << "select 1", soci::into(one);
            return {};
        }
        std::string result;
        sql << "pragma integrity_check", soci::into(result);
        if (result != "ok") return internal("integrity check failed: " + result);
        int orphans = 0;
        sql << "select count(*) from pragma_foreign_key_check", soci::into(orphans);
        if (orphans > 0)
            return internal("foreign key check failed: " + std::to_string(orphans) + " rows");
        return {};
    });
}

Status Database::backup(const std::filesystem::path& to) {
    if (std::filesystem::exists(to))
        return invalid(to.string() + " already exists; choose a new file", "to");
    if (to.has_parent_path() && !std::filesystem::is_directory(to.parent_path()))
        return invalid("the folder " + to.parent_path().string() + " does not exist", "to");
    if (auto created = create_private_file(to, "to"); !created) return created;
    if (engine() == Engine::sqlite) {
        auto status = guarded([&]() -> Status {
            std::size_t slot = 0;
            Session& session = acquire(slot);
            struct Release {
                Database* db;
                std::size_t slot;
                ~Release() { db->release(slot); }
            } release{this, slot};
            // VACUUM INTO reads one consistent snapshot while writers carry on (WAL). It writes
            // into the empty file made private above.
            std::string target = to.string();
            session << "vacuum into :to", soci::use(target);
            return {};
        });
        if (!status) remove_database_files(to);
        return status;
    }
    // PostgreSQL: copy every table, in one REPEATABLE READ snapshot, into a new SQLite file.
    DatabaseUrl target{Engine::sqlite, to.string(), {}};
    OpenOptions options;
    options.pool_size = 1;
    auto copy = Database::open(target, options);
    if (!copy) return copy.error();
    auto status = guarded([&]() -> Status {
        Unit source(*this, Unit::Mode::read);
        Unit sink(**copy, Unit::Mode::write);
        for (auto table : kTables)
            copy_table(source.sql(), sink.sql(), table,
                       column_names(sink.sql(), Engine::sqlite, table));
        sink.commit();
        return {};
    });
    copy->reset();
    if (!status) remove_database_files(to);
    return status;
}

Status Database::restore(const std::filesystem::path& from) {
    if (!std::filesystem::is_regular_file(from))
        return invalid(from.string() + " is not a backup file", "from");
    // Work on a copy: opening it migrates an older backup up to this build's schema.
    // In a folder of its own that only this user can enter (the backup holds everything).
    std::string folder = (std::filesystem::temp_directory_path() / "cdcwb-restore-XXXXXX").string();
    if (!::mkdtemp(folder.data()))
        return domain::internal("cannot create a scratch folder for the restore: " +
                                std::string(std::strerror(errno)));
    struct Cleanup {
        std::filesystem::path folder;
        ~Cleanup() {
            std::error_code e;
            std::filesystem::remove_all(folder, e);
        }
    } cleanup{folder};
    const auto scratch = std::filesystem::path(folder) / "restore.sqlite";
    std::error_code ec;
    std::filesystem::copy_file(from, scratch, ec);
    if (ec) return invalid("cannot read " + from.string() + ": " + ec.message(), "from");
    // Only a cdcwb backup is accepted: a SQLite file with a schema_migrations table. Anything
    // else (another program's database, an empty file) would otherwise restore as "no data".
    try {
        soci::session probe(*soci::factory_sqlite3(), quote_sqlite_path(scratch.string()));
        int tables = 0;
        probe << "select count(*) from sqlite_master where type = 'table' and name = "
                 "'schema_migrations'",
            soci::into(tables);
        int version = 0;
        if (tables > 0)
            probe << "select coalesce(max(version), 0) from schema_migrations", soci::into(version);
        if (version < 1)
            return invalid(from.string() + " is not a cdcwb backup (it has no cdcwb schema)",
                           "from");
    } catch (const std::exception& e) {
        return invalid(from.string() + " is not a cdcwb backup: " + e.what(), "from");
    }
    OpenOptions scratch_options;
    scratch_options.pool_size = 1;
    auto source =
        Database::open(DatabaseUrl{Engine::sqlite, scratch.string(), {}}, scratch_options);
    if (!source) {
        auto error = source.error();
        error.message = from.string() + " is not a usable cdcwb backup: " + error.message;
        error.field = "from";
        if (error.code == ErrorCode::internal) error.code = ErrorCode::invalid_input;
        return error;
    }
    if (auto ok = (*source)->check_integrity(); !ok)
        return invalid(from.string() + " is damaged: " + ok.error().message, "from");
    return guarded([&]() -> Status {
        Unit in(**source, Unit::Mode::read);
        Unit out(*this, Unit::Mode::write);
        for (auto it = std::rbegin(kTables); it != std::rend(kTables); ++it)
            out.sql() << "delete from " + std::string(*it);
        for (auto table : kTables)
            copy_table(in.sql(), out.sql(), table, column_names(out.sql(), out.engine(), table));
        if (out.engine() == Engine::postgresql) {
            for (auto table : kNumberedTables) {
                const std::string t(table);
                out.sql() << "select setval(pg_get_serial_sequence('" + t +
                                 "', 'id'), coalesce((select max(id) from " + t +
                                 "), 0) + 1, false)";
            }
        }
        out.commit();
        return {};
    });
}

// ---------------------------------------------------------------------------------------------

Unit::Unit(Database& db, Mode mode) : db_(db) {
    session_ = &db_.acquire(slot_);
    if (mode == Mode::single) return; // autocommit: nothing to begin, commit or roll back
    try {
        if (session_->engine == Engine::sqlite)
            *session_ << (mode == Mode::write ? "begin immediate" : "begin");
        else
            *session_ << (mode == Mode::write ? "begin"
                                              : "begin isolation level repeatable read read only");
        open_ = true;
    } catch (...) {
        db_.release(slot_);
        throw;
    }
}

Unit::~Unit() {
    if (open_) {
        try {
            *session_ << "rollback";
        } catch (...) {
            // The connection is broken; nothing was committed, and the next use reports it.
        }
    }
    db_.release(slot_);
}

void Unit::commit() {
    if (!open_) return;
    *session_ << "commit";
    open_ = false;
}

domain::Error database_error(const std::exception& e) {
    // The driver's text names tables, columns and SQL: it goes to the operator (the CLI prints
    // the cause, the server logs it), never to a client.
    const auto with_cause = [&](domain::Error error) {
        const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e);
        error.cause = "database error: " +
                      (soci_error ? soci_error->get_error_message() : std::string(e.what()));
        return error;
    };
    if (dynamic_cast<const DatabaseUnreachable*>(&e))
        return with_cause(domain::unavailable(kUnreachable));
    if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
        // 08: the connection failed or was lost; 57P: the server is shutting down, crashed or
        // is starting (its connections are ended).
        const std::string state = pg->sqlstate();
        if (state.starts_with("08") || state.starts_with("57P"))
            return with_cause(domain::unavailable(kUnreachable));
    }
    if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e);
        lite && (lite->result() & 0xff) == SQLITE_FULL)
        return with_cause(domain::unavailable(
            "the database is out of space (its disk is full): the change was not saved; the "
            "operator must free space, then retry"));
    if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e);
        soci_error && soci_error->get_error_category() == soci::soci_error::constraint_violation)
        return with_cause(domain::conflict("the change clashes with existing data (the server's "
                                           "log names the constraint)"));
    return with_cause(internal("the database failed"));
}

} // namespace cdcwb::store
