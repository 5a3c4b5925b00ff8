// The database connection: which engine (an embedded SQLite file or PostgreSQL), a small pool of
// sessions, and the schema migrations applied when it opens. Everything above talks to it through
// the Store (store.hpp); SOCI stays inside src/store.
#pragma once

#include "domain/result.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::store {

using domain::Result;
using domain::Status;

enum class Engine { sqlite, postgresql };

std::string_view to_string(Engine engine);

/// Where the data lives: `sqlite:PATH` or a libpq URI (`postgresql://user@host:port/db`).
struct DatabaseUrl {
    Engine engine = Engine::sqlite;
    std::string path;       ///< SQLite: the file
    std::string connection; ///< PostgreSQL: the libpq URI, as given
    /// The URL as shown to people: the password of a PostgreSQL URI is masked.
    std::string display() const;
};

/// Accepts `sqlite:PATH`, `sqlite://PATH`, `postgresql://…` and `postgres://…`; anything else is
/// invalid input naming the forms allowed.
Result<DatabaseUrl> parse_database_url(std::string_view url);

/// The folder for the default database: $CDCWB_DATA_DIR when set, else ./cdcwb-data.
std::filesystem::path default_data_dir();
/// `sqlite:<default_data_dir()>/cdcwb.sqlite`.
DatabaseUrl default_database_url();

struct OpenOptions {
    std::size_t pool_size = 4;
    bool migrate = true; ///< apply pending migrations; otherwise refuse an out-of-date schema
    /// SQLite `synchronous`: "full" (default: a commit survives power loss) or "normal" (survives
    /// a crash of the process, may lose the last commits on power loss).
    std::string sqlite_synchronous = "full";
    int busy_timeout_ms = 10000;
};

struct Migration {
    int version = 0;
    std::string name; ///< file name, e.g. "0001_init.sql"
    std::string sql;  ///< with placeholders
};

/// The migrations compiled into the binary, by version.
const std::vector<Migration>& migrations();
/// The highest schema version this build knows.
int latest_schema_version();

/// The statements of a migration for one engine: placeholders replaced, split at lines that end
/// with ";", comments dropped.
std::vector<std::string> migration_statements(const Migration& migration, Engine engine);

class Session;

class Database {
  public:
    /// Connects (creating the SQLite file and its folder when missing), configures the
    /// connections and applies pending migrations. A schema newer than this build is refused.
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url,
                                                  const OpenOptions& options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Engine engine() const;
    const DatabaseUrl& url() const;

    /// The schema version recorded in the database.
    Result<int> schema_version();
    /// Migrations applied by the last call to open() or migrate(), oldest first.
    const std::vector<int>& applied_now() const;
    /// Applies pending migrations (open() does this unless told not to).
    Status migrate();

    /// SQLite `pragma integrity_check` and `foreign_key_check`; PostgreSQL: a trivial query.
    Status check_integrity();

    /// Copies the whole database, consistently, into a new SQLite file `to` (which must not
    /// exist). Safe while other connections write. Works from either engine.
    Status backup(const std::filesystem::path& to);
    /// Replaces every row with those of the SQLite backup `from`, in one transaction. The backup's
    /// schema version must not be newer than this build's.
    Status restore(const std::filesystem::path& from);

    /// Internal: a pooled session. Held for the scope of one unit of work.
    Session& acquire(std::size_t& slot);
    void release(std::size_t slot);

  private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace cdcwb::store
