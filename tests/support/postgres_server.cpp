#include "support/postgres_server.hpp"

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <random>
#include <spawn.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace cdcwb::testing {
namespace fs = std::filesystem;

namespace {

constexpr const char* kSuperuser = "cdcwb";
constexpr const char* kSystemUser = "postgres";
constexpr const char* kPostgresRoot = "/usr/lib/postgresql";
constexpr int kPortAttempts = 5;
constexpr int kLogTailLines = 20;

std::string errno_text(int err) {
    return std::strerror(err);
}

// Orders "9.6" < "15" < "16": major first, then minor.
std::pair<int, int> parse_version(const std::string& name) {
    int major = -1;
    int minor = 0;
    const char* end = name.data() + name.size();
    auto [p, ec] = std::from_chars(name.data(), end, major);
    if (ec != std::errc{}) return {-1, 0};
    if (p != end) {
        if (*p != '.') return {-1, 0};
        auto [q, ec2] = std::from_chars(p + 1, end, minor);
        if (ec2 != std::errc{} || q != end) return {-1, 0};
    }
    return {major, minor};
}

// The bin folder of the newest PostgreSQL that has initdb, pg_ctl and postgres; empty if none.
fs::path find_bin_dir() {
    fs::path best;
    std::pair<int, int> best_version{-1, 0};
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kPostgresRoot, ec)) {
        const auto version = parse_version(entry.path().filename().string());
        if (version.first < 0 || version <= best_version) continue;
        const fs::path bin = entry.path() / "bin";
        if (::access((bin / "initdb").c_str(), X_OK) != 0 ||
            ::access((bin / "pg_ctl").c_str(), X_OK) != 0 ||
            ::access((bin / "postgres").c_str(), X_OK) != 0)
            continue;
        best = bin;
        best_version = version;
    }
    return best;
}

fs::path find_runuser() {
    for (const char* candidate : {"/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"})
        if (::access(candidate, X_OK) == 0) return candidate;
    return {};
}

// A port nobody listens on right now: the kernel picks one for a socket bound to port 0. Someone
// may take it before the server binds it, hence the retries in start_on_free_port().
int free_port(std::string& error) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = "cannot create a socket to find a free port: " + errno_text(errno);
        return 0;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        error = "cannot get a free port from the kernel: " + errno_text(errno);
    else
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

// Starts argv[0] (an absolute path) with the given stdin and stdout+stderr, in `cwd`, with no
// other inherited descriptors and default signal handling. Returns the pid, or -1 with errno.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& cwd, int in_fd, int out_fd,
            bool new_session) {
    std::vector<std::string> args = argv;
    std::vector<char*> c_argv;
    for (auto& arg : args) c_argv.push_back(arg.data());
    c_argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_adddup2(&actions, in_fd, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDERR_FILENO);
    // Descriptors the test program left inheritable must not end up held by the postmaster.
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    sigset_t all;
    sigset_t none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setsigmask(&attr, &none);
    short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    if (new_session) flags = static_cast<short>(flags | POSIX_SPAWN_SETSID);
    posix_spawnattr_setflags(&attr, flags);

    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, c_argv[0], &actions, &attr, c_argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        errno = rc;
        return -1;
    }
    return pid;
}

// Exit code of the child, or -1 if a signal ended it.
int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_file(const fs::path& path, std::uintmax_t from = 0) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    in.seekg(static_cast<std::streamoff>(from));
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string last_lines(const std::string& text, int count) {
    std::size_t pos = text.size();
    while (pos > 0 && text[pos - 1] == '\n') --pos;
    const std::size_t end = pos;
    for (int n = 0; n < count && pos > 0; ++n) {
        const std::size_t nl = text.rfind('\n', pos - 1);
        pos = nl == std::string::npos ? 0 : nl;
    }
    if (pos > 0) ++pos; // skip the newline itself
    return text.substr(pos, end - pos);
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

// Quotes a word for the shell command line pg_ctl builds from its -o option.
std::string shell_quoted(const std::string& word) {
    std::string out = "'";
    for (char c : word) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

std::string percent_encoded(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        }
    }
    return out;
}

// The name as a quoted SQL identifier, so any name is safe to put into a statement.
std::string quoted_identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

bool process_alive(pid_t pid) {
    return ::kill(pid, 0) == 0 || errno == EPERM;
}

// True if `pid` is a postmaster of `data`: the postmaster works in its data folder. Guards the
// SIGKILL below against a stale postmaster.pid whose number now belongs to someone else.
bool is_postmaster_of(pid_t pid, const fs::path& data) {
    std::error_code ec;
    const fs::path cwd = fs::read_symlink("/proc/" + std::to_string(pid) + "/cwd", ec);
    return !ec && cwd == fs::canonical(data, ec) && !ec;
}

struct ConnectionCloser {
    void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultClearer {
    void operator()(PGresult* result) const { PQclear(result); }
};

} // namespace

std::unique_ptr<PostgresServer> PostgresServer::start(std::string& error) {
    std::unique_ptr<PostgresServer> server(new PostgresServer());
    if (!server->initialise(error)) return nullptr; // the destructor cleans up what was made
    return server;
}

bool PostgresServer::initialise(std::string& error) {
    bin_dir_ = find_bin_dir();
    if (bin_dir_.empty()) {
        error = std::string("PostgreSQL server not found: no ") + kPostgresRoot +
                "/<version>/bin with initdb, pg_ctl and postgres (install the postgresql "
                "package, e.g. postgresql-15)";
        return false;
    }

    const passwd* system_user = nullptr;
    if (::geteuid() == 0) {
        // initdb and pg_ctl refuse to run as root, so they run as the postgres system user.
        system_user = ::getpwnam(kSystemUser);
        runuser_ = find_runuser();
        if (system_user == nullptr || runuser_.empty()) {
            error = std::string("running as root, where initdb and pg_ctl refuse to run, and "
                                "cannot run them as the 'postgres' system user: ") +
                    (system_user == nullptr ? "no such user" : "runuser not found") +
                    " (install the postgresql package, or run the tests as a normal user)";
            return false;
        }
    }

    // Under /tmp, which every user can traverse, so the postgres user reaches it too.
    std::string folder = "/tmp/cdcwb-pg-XXXXXX";
    if (::mkdtemp(folder.data()) == nullptr) {
        error = "cannot create a temporary folder under /tmp: " + errno_text(errno);
        return false;
    }
    dir_ = folder;
    if (system_user != nullptr &&
        ::chown(dir_.c_str(), system_user->pw_uid, system_user->pw_gid) != 0) {
        error = "cannot hand " + dir_.string() + " to the postgres user: " + errno_text(errno);
        return false;
    }
    if (::chmod(dir_.c_str(), 0700) != 0) {
        error = "cannot restrict " + dir_.string() + " to its owner: " + errno_text(errno);
        return false;
    }
    start_watchdog();

    std::string output;
    if (!run_tool("initdb",
                  {"-D", (dir_ / "data").string(), "--auth=trust",
                   std::string("--username=") + kSuperuser, "--encoding=UTF8", "--locale=C",
                   "--no-instructions"},
                  output)) {
        error = "initdb failed in " + dir_.string() + ":\n" + last_lines(output, kLogTailLines);
        return false;
    }
    return start_on_free_port(error);
}

bool PostgresServer::start_on(int port, std::string& output) {
    const std::string options = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port) +
                                " -k " + shell_quoted(dir_.string()) +
                                " -c max_connections=50 -c shared_buffers=32MB";
    return run_tool("pg_ctl",
                    {"start", "-D", (dir_ / "data").string(), "-l", (dir_ / "server.log").string(),
                     "-w", "-t", "60", "-s", "-o", options},
                    output);
}

bool PostgresServer::start_on_free_port(std::string& error) {
    const fs::path data = dir_ / "data";
    const fs::path log = dir_ / "server.log";
    for (int attempt = 1; attempt <= kPortAttempts; ++attempt) {
        const int port = free_port(error);
        if (port == 0) return false;
        std::error_code ec;
        const std::uintmax_t log_size = fs::file_size(log, ec); // no log yet on the first try
        const std::uintmax_t log_start = ec ? 0 : log_size;

        std::string output;
        if (start_on(port, output)) {
            port_ = port;
            return true;
        }

        const std::string attempt_log = read_file(log, log_start);
        const bool port_taken = attempt_log.find("Address already in use") != std::string::npos;
        if (!port_taken || fs::exists(data / "postmaster.pid", ec)) {
            error = "PostgreSQL did not start (pg_ctl start in " + dir_.string() +
                    "): " + trimmed(output) + "\nserver log:\n" + log_tail();
            return false;
        }
    }
    error = "PostgreSQL did not start: the free port was taken by someone else " +
            std::to_string(kPortAttempts) + " times in a row; server log:\n" + log_tail();
    return false;
}

bool PostgresServer::stop_server() {
    return stop();
}

bool PostgresServer::start_again(std::string& error) {
    std::string output;
    if (start_on(port_, output)) return true;
    error = "PostgreSQL did not start again on port " + std::to_string(port_) + ": " +
            trimmed(output) + "\nserver log:\n" + log_tail();
    return false;
}

PostgresServer::~PostgresServer() {
    if (!dir_.empty()) {
        if (!stop())
            std::fprintf(stderr, "warning: could not stop the test PostgreSQL server in %s\n",
                         dir_.c_str());
        std::error_code ec;
        fs::remove_all(dir_, ec);
        if (ec)
            std::fprintf(stderr, "warning: could not delete %s: %s\n", dir_.c_str(),
                         ec.message().c_str());
    }
    if (watchdog_fd_ >= 0) ::close(watchdog_fd_);
    if (watchdog_pid_ > 0) wait_for(watchdog_pid_);
}

bool PostgresServer::stop() {
    const fs::path data = dir_ / "data";
    const fs::path pid_file = data / "postmaster.pid";
    std::error_code ec;
    if (!fs::exists(pid_file, ec)) return true;

    // Remember the postmaster before pg_ctl deletes the file, for the last resort below.
    pid_t postmaster = 0;
    std::ifstream(pid_file) >> postmaster;

    std::string output;
    for (const char* mode : {"fast", "immediate"})
        if (run_tool("pg_ctl", {"stop", "-D", data.string(), "-m", mode, "-w", "-t", "30", "-s"},
                     output))
            return true;

    if (postmaster <= 0) return false;
    if (!is_postmaster_of(postmaster, data)) return true; // a stale file: nothing of ours runs
    ::kill(postmaster, SIGKILL);
    using namespace std::chrono_literals;
    for (auto waited = 0ms; waited < 5s && process_alive(postmaster); waited += 50ms)
        std::this_thread::sleep_for(50ms);
    return !process_alive(postmaster);
}

bool PostgresServer::run_tool(const std::string& tool, const std::vector<std::string>& args,
                              std::string& output) const {
    std::vector<std::string> argv;
    if (!runuser_.empty()) argv = {runuser_.string(), "-u", kSystemUser, "--"};
    argv.push_back((bin_dir_ / tool).string());
    argv.insert(argv.end(), args.begin(), args.end());

    // Output goes to a file, not a pipe: a pipe could be held open by the postmaster.
    const fs::path output_file = dir_ / "tool-output.txt";
    const int out_fd =
        ::open(output_file.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
    const int in_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (out_fd < 0 || in_fd < 0) {
        output = "cannot open " + output_file.string() + ": " + errno_text(errno);
        if (out_fd >= 0) ::close(out_fd);
        if (in_fd >= 0) ::close(in_fd);
        return false;
    }
    const pid_t pid = spawn(argv, dir_, in_fd, out_fd, false);
    const int spawn_errno = errno;
    ::close(out_fd);
    ::close(in_fd);
    if (pid < 0) {
        output = "cannot run " + argv.front() + ": " + errno_text(spawn_errno);
        return false;
    }
    const int exit_code = wait_for(pid);
    output = read_file(output_file);
    if (exit_code != 0) {
        if (!output.empty() && output.back() != '\n') output += '\n';
        output += "(" + tool +
                  (exit_code < 0 ? " was killed by a signal)"
                                 : " exited with status " + std::to_string(exit_code) + ")");
    }
    return exit_code == 0;
}

// Backs up the destructor: a detached shell waits until every copy of the pipe's write end is
// closed, which happens at the latest when this process dies, then stops the server (if it still
// runs) and deletes the folder. Normally the destructor has already done both.
void PostgresServer::start_watchdog() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return; // best effort; the destructor still cleans up
    const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null_fd < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return;
    }
    std::vector<std::string> argv = {
        "/bin/sh", "-c",
        "dir=$1; shift; cat >/dev/null; "
        "if [ -e \"$dir/data/postmaster.pid\" ]; then \"$@\"; fi; rm -rf \"$dir\"",
        "cdcwb-pg-watchdog", dir_.string()};
    if (!runuser_.empty()) argv.insert(argv.end(), {runuser_.string(), "-u", kSystemUser, "--"});
    argv.insert(argv.end(), {(bin_dir_ / "pg_ctl").string(), "stop", "-D", (dir_ / "data").string(),
                             "-m", "immediate", "-w", "-t", "30"});
    // Its own session, so a Ctrl-C that kills the test program does not kill the watchdog too.
    const pid_t pid = spawn(argv, "/", fds[0], null_fd, true);
    ::close(fds[0]);
    ::close(null_fd);
    if (pid < 0) {
        ::close(fds[1]);
        return;
    }
    watchdog_pid_ = pid;
    watchdog_fd_ = fds[1];
}

std::string PostgresServer::log_tail() const {
    const std::string tail = last_lines(read_file(dir_ / "server.log"), kLogTailLines);
    return tail.empty() ? "(empty)" : tail;
}

std::string PostgresServer::url(const std::string& database) const {
    return std::string("postgresql://") + kSuperuser + "@127.0.0.1:" + std::to_string(port_) + "/" +
           percent_encoded(database);
}

bool PostgresServer::execute(const std::string& sql, std::string& error) const {
    const std::string conninfo = url("postgres") + "?connect_timeout=10";
    std::unique_ptr<PGconn, ConnectionCloser> conn(PQconnectdb(conninfo.c_str()));
    if (conn == nullptr || PQstatus(conn.get()) != CONNECTION_OK) {
        error = "cannot connect to " + conninfo + ": " +
                (conn ? trimmed(PQerrorMessage(conn.get())) : std::string("out of memory"));
        return false;
    }
    std::unique_ptr<PGresult, ResultClearer> result(PQexec(conn.get(), sql.c_str()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
        error = sql + " failed: " + trimmed(PQerrorMessage(conn.get()));
        return false;
    }
    return true;
}

bool PostgresServer::create_database(const std::string& name, std::string& error) {
    return execute("CREATE DATABASE " + quoted_identifier(name), error);
}

bool PostgresServer::drop_database(const std::string& name, std::string& error) {
    return execute("DROP DATABASE " + quoted_identifier(name) + " WITH (FORCE)", error);
}

std::string unique_database_name() {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    char suffix[9];
    std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(random()));
    return "t_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" + suffix;
}

} // namespace cdcwb::testing
