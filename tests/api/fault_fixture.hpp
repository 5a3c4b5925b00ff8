// What the fault tests share: a database seeded as an operator would (the site administrator and
// the example organisation, by the CLI), a write load through the API that records every write
// the server acknowledged, and the checks that every acknowledged write is still there, that
// nothing is half-written, that the audit chains verify and that a SQLite file is intact.
#pragma once

#include "api/api_fixture.hpp"
#include "api/api_setup.hpp"
#include "support/cdcwb_server.hpp"
#include "support/http_client.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace cdcwb::testing {

/// A fresh database of the engine under test (SQLite: a file in a new folder; PostgreSQL: a new
/// database on one server per test program), and a folder for files beside it. Both go away
/// with the object.
class FreshDatabase {
  public:
    FreshDatabase(); ///< throws when it cannot be made
    ~FreshDatabase();
    FreshDatabase(const FreshDatabase&) = delete;
    FreshDatabase& operator=(const FreshDatabase&) = delete;

    const std::string& url() const { return url_; }
    /// The SQLite file; empty on PostgreSQL.
    const std::string& sqlite_path() const { return sqlite_path_; }
    /// A private folder for backups and such.
    const std::string& folder() const { return folder_; }

  private:
    std::string url_;
    std::string sqlite_path_;
    std::string folder_;
    std::string postgres_database_;
};

/// The password of the site administrator kAdmin in the fault tests' databases.
inline constexpr const char* kFaultAdminPassword = "fault-tests-site-administrator";

/// seed_example() with kFaultAdminPassword.
void seed_database(const std::string& db_url);

/// Signs in as kAdmin on the server at `port` and makes a read_write API token. Throws on
/// failure.
std::string make_token(unsigned short port);

/// A `cdcwb serve` on a database, and an API token of kAdmin's for it.
struct Served {
    std::unique_ptr<CdcwbServer> server;
    std::string token;
    unsigned short port() const { return server->port(); }
};

/// Starts `cdcwb serve` on `db_url` (seeded) and makes a token (unless `token` is given: one
/// made earlier on the same database). Throws when the server does not start.
Served serve(const std::string& db_url, std::string token = {});

/// Writes some server acknowledged (answered 2xx).
struct Acknowledged {
    std::map<std::string, long long> last_by_service; ///< service → its last acknowledged number
    std::set<std::string> rationales;                 ///< every acknowledged service write
    std::set<std::string> actions;                    ///< titles of acknowledged new actions

    std::size_t count() const { return rationales.size() + actions.size(); }
};

/// Every write acknowledged so far, and what the next write is numbered. Shared by the writers
/// of a load and kept across loads (servers killed and started again).
struct Ledger {
    std::mutex mutex;
    Acknowledged acked;
    std::map<std::string, long long> next; ///< writer → the number of its next write

    std::size_t acknowledged();
    /// What was acknowledged until now, e.g. before a backup began.
    Acknowledged copy();
};

/// What the servers answered a load, beyond its acknowledged writes.
struct Answers {
    std::map<int, int> by_status;        ///< HTTP status → how many (0: no answer)
    std::vector<std::string> unexpected; ///< 5xx other than 503 `unavailable`, and odd bodies
};

/// Writers through the API until stopped: `services.size()` clients each editing its own service (a
/// PUT with the revision it read; on 409 it takes the current one), and one creating actions (all
/// in kOrg). Each 2xx goes into the ledger. A client stops when the server no longer answers at all
/// (killed); other answers (503 while the database is down) are counted and the client goes on.
class WriteLoad {
  public:
    WriteLoad(unsigned short port, std::string token, Ledger& ledger,
              std::vector<std::string> services);
    ~WriteLoad();
    WriteLoad(const WriteLoad&) = delete;
    WriteLoad& operator=(const WriteLoad&) = delete;

    /// Waits until at least `count` more writes were acknowledged or every writer stopped.
    void wait_for_acknowledged(std::size_t count);
    /// Stops the writers and waits for them.
    void stop();
    Answers answers();

  private:
    void edit_service(const std::string& service);
    void create_actions();
    void count(int status, const std::string& body);

    unsigned short port_;
    std::string token_;
    Ledger& ledger_;
    std::atomic<bool> stop_{false};
    std::atomic<int> running_{0};
    std::mutex mutex_;
    Answers answers_;
    std::vector<std::thread> threads_;
};

/// The services the writers edit: one per writer.
inline const std::vector<std::string> kLoadServices = {"A-1", "A-2", "A-3"};

/// Reads everything back through the server at `port` and checks that every write in
/// `acked` is there: each acknowledged write has its audit record, each service holds its last
/// acknowledged value or a later one, each acknowledged action exists; and that nothing is
/// half-written: each service's value and each action the load made has its audit record.
/// `checked` gets the number of acknowledged writes checked, `lost` those missing.
::testing::AssertionResult HoldsEveryAcknowledgedWrite(unsigned short port,
                                                       const std::string& token,
                                                       const Acknowledged& acked,
                                                       std::size_t& checked, std::size_t& lost);

/// `cdcwb audit verify --db DB_URL` exits 0 (every chain verifies).
::testing::AssertionResult AuditChainsVerify(const std::string& db_url);

/// SQLite's `integrity_check` says ok and `foreign_key_check` finds nothing, on `path`.
::testing::AssertionResult SqliteFileIsIntact(const std::string& path);

/// The error body of a 503 from the database being unavailable: code `unavailable`, a message
/// for people, and none of the driver's words.
::testing::AssertionResult IsUnavailable(const HttpResponse& response);

} // namespace cdcwb::testing
