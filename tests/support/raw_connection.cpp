#include "support/raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace cdcwb::testing {

using Clock = std::chrono::steady_clock;

namespace {

sockaddr_in loopback(const std::string& address, unsigned short port) {
    sockaddr_in out{};
    out.sin_family = AF_INET;
    out.sin_port = htons(port);
    if (::inet_pton(AF_INET, address.c_str(), &out.sin_addr) != 1)
        throw std::runtime_error("'" + address + "' is not an IPv4 address");
    return out;
}

} // namespace

RawConnection::RawConnection(unsigned short port, const std::string& from) {
    const sockaddr_in source = loopback(from, 0);
    const sockaddr_in target = loopback("127.0.0.1", port);
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error("cannot open a socket");
    if (::bind(fd_, reinterpret_cast<const sockaddr*>(&source), sizeof source) != 0 ||
        ::connect(fd_, reinterpret_cast<const sockaddr*>(&target), sizeof target) != 0) {
        ::close(fd_);
        throw std::runtime_error("cannot connect to port " + std::to_string(port) + " from " +
                                 from);
    }
}

RawConnection::~RawConnection() {
    ::close(fd_);
}

bool RawConnection::send(std::string_view bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
}

std::string RawConnection::read(std::chrono::milliseconds timeout, bool& closed) {
    std::string out;
    closed = false;
    const auto deadline = Clock::now() + timeout;
    while (!closed) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) break;
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
        char buffer[4096];
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0)
            closed = true;
        else
            out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

bool RawConnection::closed_by_server() const {
    pollfd p{fd_, POLLRDHUP, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

void RawConnection::shrink_receive_buffer(int bytes) {
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
}

} // namespace cdcwb::testing
