// A throwaway PostgreSQL server for tests: a fresh cluster in its own temporary folder, listening
// on a free loopback port, stopped and deleted again when the object goes away.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cdcwb::testing {

/// One private PostgreSQL cluster. Everything (folder, port, socket directory) is per instance,
/// so several test programs can run their own servers side by side.
///
/// Start one per test program (e.g. in a gtest Environment or SetUpTestSuite) and keep the object
/// alive until the program ends: the destructor is what stops the server. Should the program die
/// without running it (crash, ctest timeout), a small watchdog process notices and stops the
/// server and deletes the folder instead.
class PostgresServer {
  public:
    /// Starts a fresh cluster: initdb into a new folder under /tmp (trust authentication,
    /// superuser "cdcwb", UTF8, locale C), then the server on 127.0.0.1 only, on a free port.
    /// Uses the newest /usr/lib/postgresql/<version>/bin. When running as root, initdb and pg_ctl
    /// run as the `postgres` system user (they refuse to run as root). Returns nullptr and fills
    /// `error` when PostgreSQL is missing or does not start (with the tail of the server log).
    static std::unique_ptr<PostgresServer> start(std::string& error);

    /// Stops the server (fast shutdown, then immediate, then SIGKILL) and deletes the folder.
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    int port() const { return port_; }
    /// The temporary folder holding the cluster, the server log and the unix socket.
    const std::filesystem::path& directory() const { return dir_; }
    /// libpq URI for `database`, e.g. "postgresql://cdcwb@127.0.0.1:PORT/NAME".
    std::string url(const std::string& database) const;

    /// CREATE DATABASE; false and a message in `error` on failure (e.g. the name exists).
    bool create_database(const std::string& name, std::string& error);
    /// DROP DATABASE ... WITH (FORCE), so open connections do not block it; false and a message
    /// in `error` on failure (e.g. no such database).
    bool drop_database(const std::string& name, std::string& error);

    /// Stops the server as an operator would (`pg_ctl stop -m fast`: open connections are ended)
    /// and keeps its data, for start_again(). False when it did not stop.
    bool stop_server();
    /// Starts the stopped server again on the same port, with the same data. False and a message
    /// in `error` when it does not start (e.g. someone took the port meanwhile).
    bool start_again(std::string& error);

  private:
    PostgresServer() = default;
    bool initialise(std::string& error);
    bool start_on_free_port(std::string& error);
    /// pg_ctl start on `port`; `output` gets pg_ctl's words when it fails.
    bool start_on(int port, std::string& output);
    bool stop();
    bool run_tool(const std::string& tool, const std::vector<std::string>& args,
                  std::string& output) const;
    bool execute(const std::string& sql, std::string& error) const;
    void start_watchdog();
    std::string log_tail() const;

    std::filesystem::path bin_dir_;
    std::filesystem::path runuser_; ///< empty unless tools must run as the postgres user
    std::filesystem::path dir_;
    int port_ = 0;
    pid_t watchdog_pid_ = -1;
    int watchdog_fd_ = -1; ///< closing it tells the watchdog that we cleaned up ourselves
};

/// A database name no other test (in this or another process) uses: "t_<pid>_<counter>_<random>",
/// lowercase, a valid unquoted identifier.
std::string unique_database_name();

} // namespace cdcwb::testing
