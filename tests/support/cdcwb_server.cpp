#include "support/cdcwb_server.hpp"

#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <spawn.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#ifndef CDCWB_BINARY
#error "CDCWB_BINARY must name the cdcwb executable"
#endif

extern char** environ;

namespace cdcwb::testing {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr int kPortAttempts = 5;
constexpr std::size_t kOutputTail = 4000;

/// A port nobody listens on right now (the kernel's choice for port 0).
unsigned short free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    unsigned short port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

/// Starts argv[0] with the given stdin and stdout+stderr, no other inherited descriptors and
/// default signal handling. Returns the pid, or -1 with errno.
pid_t spawn(const std::vector<std::string>& argv, int in_fd, int out_fd) {
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
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    sigset_t all;
    sigset_t none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

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

ExitStatus status_of(int status) {
    ExitStatus out;
    if (WIFEXITED(status)) {
        out.exited = true;
        out.code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        out.signal = WTERMSIG(status);
    }
    return out;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string tail(const std::string& text) {
    return text.size() <= kOutputTail ? text : "…" + text.substr(text.size() - kOutputTail);
}

} // namespace

std::size_t open_descriptors(pid_t pid) {
    std::error_code ec;
    std::size_t n = 0;
    for (fs::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", ec), end;
         !ec && it != end; it.increment(ec))
        ++n;
    return n;
}

std::string ExitStatus::describe() const {
    std::string out =
        exited ? "exited with code " + std::to_string(code)
               : "ended by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
    if (killed) out += " after SIGKILL: it did not stop on SIGTERM in time";
    return out;
}

CommandResult run_cdcwb(const std::vector<std::string>& args, const std::string& input) {
    CommandResult result;
    int in[2];
    int out[2];
    if (::pipe2(in, O_CLOEXEC) != 0) {
        result.output = "pipe: " + std::string(std::strerror(errno));
        return result;
    }
    if (::pipe2(out, O_CLOEXEC) != 0) {
        result.output = "pipe: " + std::string(std::strerror(errno));
        ::close(in[0]);
        ::close(in[1]);
        return result;
    }
    std::vector<std::string> argv{CDCWB_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    const pid_t pid = spawn(argv, in[0], out[1]);
    const int spawn_errno = errno;
    ::close(in[0]);
    ::close(out[1]);
    if (pid < 0) {
        ::close(in[1]);
        ::close(out[0]);
        result.output = "cannot start " + argv[0] + ": " + std::strerror(spawn_errno);
        return result;
    }
    // The input is a line or two: it fits the pipe, so writing it all first cannot block.
    std::size_t written = 0;
    while (written < input.size()) {
        const ssize_t n = ::write(in[1], input.data() + written, input.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    ::close(in[1]);
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(out[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        result.output.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return result;
    const auto ended = status_of(status);
    result.exit_code = ended.exited ? ended.code : -1;
    return result;
}

std::unique_ptr<CdcwbServer> CdcwbServer::start(const std::string& db_url, std::string& error,
                                                const std::vector<std::string>& extra_args,
                                                std::chrono::seconds ready_timeout) {
    std::unique_ptr<CdcwbServer> server(new CdcwbServer());
    server->db_url_ = db_url;
    char dir[] = "/tmp/cdcwb-api-server-XXXXXX";
    if (!::mkdtemp(dir)) {
        error = "mkdtemp: " + std::string(std::strerror(errno));
        return nullptr;
    }
    server->dir_ = dir;

    // The port is free when chosen but another process may take it before the server binds it:
    // then the server exits saying it cannot listen, and we try another port.
    for (int attempt = 1;; ++attempt) {
        const unsigned short port = free_port();
        if (port == 0) {
            error = "cannot find a free port";
            return nullptr;
        }
        if (!server->launch(port, extra_args, error)) return nullptr;

        const auto deadline = std::chrono::steady_clock::now() + ready_timeout;
        HttpClient probe("127.0.0.1", port, std::chrono::seconds(2));
        for (;;) {
            int status = 0;
            if (::waitpid(server->pid_, &status, WNOHANG) == server->pid_) {
                server->exit_ = status_of(status);
                break;
            }
            // Another process may hold the port (then this server fails to listen): only an
            // answer after this server said it listens is its own.
            const bool listening = server->output().find("http://127.0.0.1:" +
                                                         std::to_string(port)) != std::string::npos;
            // Over HTTPS (which the probe does not speak) the server is ready once it listens.
            const bool https = server->output().find("https://127.0.0.1:" + std::to_string(port)) !=
                               std::string::npos;
            if (https) return server;
            try {
                if (listening && probe.request("GET", "/readyz").status == 200) return server;
            } catch (const std::exception&) {
                // Not answering yet.
            }
            probe.close();
            if (std::chrono::steady_clock::now() > deadline) {
                const auto ended = server->stop();
                error = "cdcwb serve (" + db_url + ", port " + std::to_string(port) +
                        ") did not answer GET /readyz with 200 within " +
                        std::to_string(ready_timeout.count()) + " s; it " + ended.describe() +
                        ". Its output:\n" + tail(server->output());
                return nullptr;
            }
            std::this_thread::sleep_for(20ms);
        }
        server->stop_watchdog();
        const std::string output = server->output();
        if (attempt < kPortAttempts && output.find("cannot listen") != std::string::npos) {
            server->exit_.reset();
            continue;
        }
        error = "cdcwb serve (" + db_url + ", port " + std::to_string(port) + ") " +
                server->exit_->describe() + " before it was ready. Its output:\n" + tail(output);
        return nullptr;
    }
}

bool CdcwbServer::launch(unsigned short port, const std::vector<std::string>& extra_args,
                         std::string& error) {
    port_ = port;
    const fs::path log = dir_ / "output.log";
    const int out_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const int in_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    std::vector<std::string> argv{CDCWB_BINARY, "serve",    "--db",
                                  db_url_,      "--listen", "127.0.0.1:" + std::to_string(port)};
    argv.insert(argv.end(), extra_args.begin(), extra_args.end());
    pid_ = out_fd < 0 || in_fd < 0 ? -1 : spawn(argv, in_fd, out_fd);
    const int spawn_errno = errno;
    if (out_fd >= 0) ::close(out_fd);
    if (in_fd >= 0) ::close(in_fd);
    if (pid_ < 0) {
        error = "cannot start " + argv[0] + ": " + std::strerror(spawn_errno);
        return false;
    }
    exit_.reset();
    start_watchdog();
    return true;
}

// Should this program die without running the destructor (a crash, a ctest timeout), a small
// shell notices that the pipe closed and stops the server, so no server outlives its test.
void CdcwbServer::start_watchdog() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    // $1: the server's pid, $2: its folder. SIGTERM, up to 10 s for it to go, then SIGKILL.
    static const char* script = "read _; kill -TERM \"$1\" 2>/dev/null; i=0; "
                                "while [ $i -lt 100 ] && kill -0 \"$1\" 2>/dev/null; do "
                                "sleep 0.1; i=$((i+1)); done; "
                                "kill -0 \"$1\" 2>/dev/null && kill -KILL \"$1\"; rm -rf \"$2\"";
    watchdog_pid_ = spawn(
        {"/bin/sh", "-c", script, "cdcwb-server-watchdog", std::to_string(pid_), dir_.string()},
        fds[0], null_fd < 0 ? STDERR_FILENO : null_fd);
    if (null_fd >= 0) ::close(null_fd);
    ::close(fds[0]);
    if (watchdog_pid_ < 0) {
        ::close(fds[1]);
        return;
    }
    watchdog_fd_ = fds[1];
}

void CdcwbServer::stop_watchdog() {
    // Killed before the server is reaped, so it can never signal a recycled pid.
    if (watchdog_pid_ > 0) {
        ::kill(watchdog_pid_, SIGKILL);
        while (::waitpid(watchdog_pid_, nullptr, 0) < 0 && errno == EINTR) {
        }
        watchdog_pid_ = -1;
    }
    if (watchdog_fd_ >= 0) {
        ::close(watchdog_fd_);
        watchdog_fd_ = -1;
    }
}

CdcwbServer::~CdcwbServer() {
    if (running()) {
        const auto ended = stop();
        if (!ended.clean())
            std::fprintf(stderr, "cdcwb serve on port %u %s\n", static_cast<unsigned>(port_),
                         ended.describe().c_str());
    }
    stop_watchdog();
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
}

CommandResult CdcwbServer::cli(std::vector<std::string> args, const std::string& input) const {
    args.push_back("--db");
    args.push_back(db_url_);
    return run_cdcwb(args, input);
}

void CdcwbServer::terminate() {
    if (running()) ::kill(pid_, SIGTERM);
}

ExitStatus CdcwbServer::wait(std::chrono::seconds grace) {
    if (exit_) return *exit_;
    if (pid_ <= 0) return ExitStatus{};
    stop_watchdog();
    const auto deadline = std::chrono::steady_clock::now() + grace;
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            exit_ = status_of(status);
            return *exit_;
        }
        if (done < 0 && errno != EINTR) {
            exit_ = ExitStatus{};
            return *exit_;
        }
        if (std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(10ms);
    }
    ::kill(pid_, SIGKILL);
    while (::waitpid(pid_, &status, 0) < 0)
        if (errno != EINTR) break;
    exit_ = status_of(status);
    exit_->killed = true;
    return *exit_;
}

ExitStatus CdcwbServer::stop(std::chrono::seconds grace) {
    terminate();
    return wait(grace);
}

std::string CdcwbServer::output() const {
    return read_file(dir_ / "output.log");
}

} // namespace cdcwb::testing
