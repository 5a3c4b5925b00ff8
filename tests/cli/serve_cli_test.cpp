// `cdcwb serve` refusing what it cannot do, with exit code 2 and a message naming the option; and
// warning about what it can do but should not do silently.
#include "cli_fixture.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

TEST_F(Cli, ServeRefusesAnAddressThatIsNotHostAndPort) {
    for (const char* listen : {"nonsense", "127.0.0.1:http", "127.0.0.1:70000"}) {
        Outcome r = run(std::string("serve --listen '") + listen + "'");
        EXPECT_EQ(r.code, 2) << listen;
        EXPECT_NE(r.err.find("--listen"), std::string::npos) << r.err;
    }
    Outcome bad_host = run("serve --listen 999.1.1.1:8080");
    EXPECT_EQ(bad_host.code, 2);
    EXPECT_NE(bad_host.err.find("not an IP address"), std::string::npos) << bad_host.err;
}

TEST_F(Cli, ServeRefusesATrustedProxyOrIdleTimeoutItCannotUse) {
    for (const char* proxy : {"proxy.example", "10.0.0.1/8", "10.0.0.0/33", "fd00::/200"}) {
        Outcome r = run(std::string("serve --listen 127.0.0.1:0 --trusted-proxy '") + proxy + "'");
        EXPECT_EQ(r.code, 2) << proxy;
        EXPECT_NE(r.err.find("--trusted-proxy"), std::string::npos) << r.err;
    }
    for (const char* idle : {"0", "5d", "25h", "soon", "10x"}) {
        Outcome r =
            run(std::string("serve --listen 127.0.0.1:0 --session-idle-timeout '") + idle + "'");
        EXPECT_EQ(r.code, 2) << idle;
        EXPECT_NE(r.err.find("--session-idle-timeout"), std::string::npos) << r.err;
    }
}

TEST_F(Cli, ServeRefusesAnEvidenceQuotaOrAnswerCacheItCannotUse) {
    for (const char* size : {"0", "lots", "-1", "1.5G", "5T", "16385G", "10 M", ""}) {
        Outcome r =
            run(std::string("serve --listen 127.0.0.1:0 --evidence-quota-bytes '") + size + "'");
        EXPECT_EQ(r.code, 2) << size;
        EXPECT_NE(r.err.find("--evidence-quota-bytes"), std::string::npos) << size << ": " << r.err;
    }
    for (const char* size : {"lots", "-1", "00", "1.5G", "16385G", ""}) {
        Outcome r = run(std::string("serve --listen 127.0.0.1:0 --answer-cache '") + size + "'");
        EXPECT_EQ(r.code, 2) << size;
        EXPECT_NE(r.err.find("--answer-cache"), std::string::npos) << size << ": " << r.err;
    }
    Outcome files = run("serve --listen 127.0.0.1:0 --evidence-quota-files 0");
    EXPECT_NE(files.code, 0);
    EXPECT_NE(files.err.find("--evidence-quota-files"), std::string::npos) << files.err;
}

TEST_F(Cli, ServeRefusesAPortInUse) {
    // A port is taken by binding it here; the server must say so and exit, not hang or crash.
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(listen(fd, 1), 0);
    socklen_t length = sizeof address;
    ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
    const int port = ntohs(address.sin_port);
    Outcome r = run("serve --listen 127.0.0.1:" + std::to_string(port));
    close(fd);
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("cannot listen on 127.0.0.1:" + std::to_string(port)), std::string::npos)
        << r.err;
}

TEST_F(Cli, ServeWarnsWhenPasswordsWouldCrossTheNetworkInClearText) {
    // The database cannot open (its folder would be inside a file), so serve stops before it
    // listens anywhere: the warning, which comes first, is all there is to see.
    write("a-file", "not a folder");
    const std::string db = " --db sqlite:a-file/cdcwb.sqlite";
    const std::string warning = "without TLS and without --secure-cookies";

    Outcome network = run("serve --listen 0.0.0.0:0" + db);
    EXPECT_NE(network.code, 0);
    EXPECT_NE(network.err.find("warning: listening on a network address " + warning),
              std::string::npos)
        << network.err;
    EXPECT_NE(network.err.find("(0.0.0.0)"), std::string::npos) << network.err;
    EXPECT_NE(run("serve --listen '::':0" + db).err.find(warning), std::string::npos);
    const std::string ja = run("--lang ja serve --listen 10.1.2.3:0" + db).err;
    EXPECT_NE(ja.find("警告: TLS も --secure-cookies もなしに"), std::string::npos) << ja;

    for (const std::string quiet :
         {"serve --listen 127.0.0.1:0", "serve --listen ::1:0", "serve --listen 127.8.9.1:0",
          "serve --listen 0.0.0.0:0 --secure-cookies"}) {
        Outcome r = run(quiet + db);
        EXPECT_NE(r.code, 0) << quiet;
        EXPECT_EQ(r.err.find(warning), std::string::npos) << quiet << ": " << r.err;
    }
}

} // namespace
