// One raw TCP connection to a loopback server, for what a well-behaved client never does: send a
// request a few bytes at a time, stop half-way, or say nothing at all. It may come from any
// loopback address (127.0.0.0/8), so that a test can be several clients as the server counts
// them.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace cdcwb::testing {

class RawConnection {
  public:
    /// Connects to 127.0.0.1:`port` from `from` (an address of 127.0.0.0/8); throws
    /// std::runtime_error when it cannot.
    explicit RawConnection(unsigned short port, const std::string& from = "127.0.0.1");
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    /// False when the server has closed (or reset) the connection.
    bool send(std::string_view bytes);

    /// What the server sends until it closes the connection or `timeout` passes; `closed` says
    /// which.
    std::string read(std::chrono::milliseconds timeout, bool& closed);

    /// Whether the server has closed its side, without waiting and without reading what it sent
    /// (for a client that never reads its answers).
    bool closed_by_server() const;

    /// Makes the kernel keep at most about `bytes` of what the server sends unread (SO_RCVBUF),
    /// so that a client that does not read soon stops the server's writes.
    void shrink_receive_buffer(int bytes);

  private:
    int fd_ = -1;
};

} // namespace cdcwb::testing
