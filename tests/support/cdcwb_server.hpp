// The real `cdcwb` binary, run the way an operator runs it: `cdcwb serve` as a child process on a
// free loopback port (ready once GET /readyz answers 200, stopped with SIGTERM), and one-off CLI
// commands (users, organisations, imports) against the same database.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cdcwb::testing {

struct CommandResult {
    int exit_code = -1; ///< -1 when a signal ended the command
    std::string output; ///< standard output and standard error, interleaved
};

/// Runs `cdcwb ARGS…` to its end with `input` on standard input (e.g. a password for
/// `--password-stdin`).
CommandResult run_cdcwb(const std::vector<std::string>& args, const std::string& input = {});

/// How a child process ended.
struct ExitStatus {
    bool exited = false; ///< it exited by itself (else a signal ended it)
    int code = -1;       ///< exit code when `exited`
    int signal = 0;      ///< the signal that ended it otherwise
    bool killed = false; ///< it did not stop on SIGTERM in time and got SIGKILL
    bool clean() const { return exited && code == 0 && !killed; }
    std::string describe() const;
};

/// The descriptors process `pid` has open (/proc/PID/fd); 0 when it cannot be read.
std::size_t open_descriptors(pid_t pid);

class CdcwbServer {
  public:
    /// Starts `cdcwb serve --db DB_URL --listen 127.0.0.1:PORT EXTRA_ARGS…` on a free port and
    /// waits (up to `ready_timeout`) until GET /readyz answers 200 (with --tls-cert: until it
    /// says it serves https). Returns nullptr and fills
    /// `error` (with the server's output) when it does not get ready.
    static std::unique_ptr<CdcwbServer>
    start(const std::string& db_url, std::string& error,
          const std::vector<std::string>& extra_args = {},
          std::chrono::seconds ready_timeout = std::chrono::seconds(20));

    /// Stops the server if it still runs (see stop()) and deletes its folder. A server that did
    /// not exit cleanly is reported on standard error.
    ~CdcwbServer();
    CdcwbServer(const CdcwbServer&) = delete;
    CdcwbServer& operator=(const CdcwbServer&) = delete;

    unsigned short port() const { return port_; }
    pid_t pid() const { return pid_; }
    const std::string& db_url() const { return db_url_; }

    /// `cdcwb ARGS… --db DB_URL`: the CLI against the server's database.
    CommandResult cli(std::vector<std::string> args, const std::string& input = {}) const;

    /// Sends SIGTERM and returns at once.
    void terminate();
    /// Waits for the server to exit; after `grace` it gets SIGKILL. Later calls return the same.
    ExitStatus wait(std::chrono::seconds grace = std::chrono::seconds(10));
    /// terminate() then wait(): the exit status of a graceful shutdown.
    ExitStatus stop(std::chrono::seconds grace = std::chrono::seconds(10));
    bool running() const { return pid_ > 0 && !exit_.has_value(); }

    /// What the server wrote so far (stdout and stderr; the access log is on stderr).
    std::string output() const;

  private:
    CdcwbServer() = default;
    bool launch(unsigned short port, const std::vector<std::string>& extra_args,
                std::string& error);
    void start_watchdog();
    void stop_watchdog();

    std::filesystem::path dir_;
    std::string db_url_;
    unsigned short port_ = 0;
    pid_t pid_ = -1;
    pid_t watchdog_pid_ = -1;
    int watchdog_fd_ = -1; ///< closing it (also by dying) tells the watchdog to stop the server
    std::optional<ExitStatus> exit_;
};

} // namespace cdcwb::testing
