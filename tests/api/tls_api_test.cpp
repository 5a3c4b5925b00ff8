// `cdcwb serve --tls-cert FILE --tls-key FILE` over real TLS: a self-signed certificate made with
// the openssl tool, the server on a loopback port, curl as the client. TLS 1.2 and 1.3 answer,
// TLS 1.1 is refused, HSTS and the __Host- session cookie are sent, and bad files stop the start.
#include "api/api_fixture.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

namespace cdcwb::testing {
namespace {

struct Shell {
    int code = -1;
    std::string output; ///< standard output and standard error
};

/// Runs `command` with /bin/sh and collects what it prints.
Shell sh(const std::string& command) {
    Shell out;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        out.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    out.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

class Tls : public ::testing::Test {
  protected:
    void SetUp() override {
        char dir[] = "/tmp/cdcwb-tls-test-XXXXXX";
        ASSERT_TRUE(::mkdtemp(dir));
        dir_ = dir;
        cert_ = dir_ + "/cert.pem";
        key_ = dir_ + "/key.pem";
        url_ = "sqlite:" + dir_ + "/cdcwb.sqlite";
        const auto made = sh("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
                             "-nodes -days 2 -subj /CN=localhost -addext "
                             "subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '" +
                             key_ + "' -out '" + cert_ + "'");
        ASSERT_EQ(made.code, 0) << made.output;
        // A client that would speak TLS 1.0 to 1.3 with any cipher (Debian's default settings
        // refuse TLS 1.1 on the client's side, which would prove nothing about the server).
        client_conf_ = dir_ + "/openssl-client.cnf";
        std::ofstream(client_conf_) << "openssl_conf = conf\n[conf]\nssl_conf = ssl\n"
                                       "[ssl]\nsystem_default = defaults\n"
                                       "[defaults]\nMinProtocol = TLSv1\n"
                                       "CipherString = DEFAULT@SECLEVEL=0\n";
        const auto added =
            run_cdcwb({"user", "add", "tls-admin", "--admin", "--password-stdin", "--db", url_},
                      "pw-transport-secured-horse\n");
        ASSERT_EQ(added.exit_code, 0) << added.output;
    }
    void TearDown() override {
        server_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    void start() {
        std::string error;
        server_ = CdcwbServer::start(url_, error, {"--tls-cert", cert_, "--tls-key", key_});
        ASSERT_TRUE(server_) << error;
        base_ = "https://127.0.0.1:" + std::to_string(server_->port());
    }
    /// curl with the permissive client settings, trusting only the test's certificate.
    Shell curl(const std::string& args) {
        return sh("OPENSSL_CONF='" + client_conf_ + "' curl -sS --max-time 10 --cacert '" + cert_ +
                  "' " + args);
    }
    /// `cdcwb serve` with `args`, which must fail at start-up (killed after 10 s otherwise).
    Shell serve_failing(const std::string& args) {
        return sh("timeout 10 '" CDCWB_BINARY "' serve --db '" + url_ + "' --listen 127.0.0.1:0 " +
                  args + " </dev/null");
    }

    std::string dir_, cert_, key_, url_, client_conf_, base_;
    std::unique_ptr<CdcwbServer> server_;
};

TEST_F(Tls, TheServerAnswersOverTls12And13WithHstsAndAHostPrefixedCookie) {
    start();
    for (const auto* version : {"--tlsv1.2 --tls-max 1.2", "--tlsv1.3 --tls-max 1.3"}) {
        const auto health = curl(std::string(version) + " -D - " + base_ + "/healthz");
        ASSERT_EQ(health.code, 0) << version << ": " << health.output;
        EXPECT_TRUE(has(health.output, "HTTP/1.1 200")) << health.output;
        EXPECT_TRUE(has(health.output, "{\"status\":\"ok\"}")) << health.output;
        EXPECT_TRUE(
            has(health.output, "Strict-Transport-Security: max-age=31536000; includeSubDomains"))
            << health.output;
    }
    const auto signed_in =
        curl("-D - -H 'Content-Type: application/json' --data "
             "'{\"username\":\"tls-admin\",\"password\":\"pw-transport-secured-horse\"}' " +
             base_ + "/api/v1/session");
    ASSERT_EQ(signed_in.code, 0) << signed_in.output;
    EXPECT_TRUE(has(signed_in.output, "HTTP/1.1 201")) << signed_in.output;
    EXPECT_TRUE(has(signed_in.output, "Set-Cookie: __Host-cdcwb_session=")) << signed_in.output;
    EXPECT_TRUE(has(signed_in.output, "; Secure")) << signed_in.output;
    // The same connection carries several requests (keep-alive over TLS).
    const auto twice = curl("-o /dev/null -o /dev/null -w '%{http_code} %{num_connects}\\n' " +
                            base_ + "/healthz " + base_ + "/readyz");
    EXPECT_EQ(twice.output, "200 1\n200 0\n");
}

TEST_F(Tls, Tls11AndPlainHttpAreRefused) {
    // The server too runs with settings that would allow TLS 1.0 and 1.1 and any cipher (OpenSSL's
    // own defaults refuse TLS 1.1's signatures): only its own choice refuses them. (Measured: curl
    // with these settings speaks TLS 1.1 to `openssl s_server -tls1_1`.)
    ::setenv("OPENSSL_CONF", client_conf_.c_str(), 1);
    start();
    ::unsetenv("OPENSSL_CONF");
    const auto old = curl("--tlsv1.1 --tls-max 1.1 " + base_ + "/healthz");
    EXPECT_NE(old.code, 0) << "TLS 1.1 was accepted: " << old.output;
    const auto plain = sh(
        "curl -sS --max-time 10 http://127.0.0.1:" + std::to_string(server_->port()) + "/healthz");
    EXPECT_FALSE(has(plain.output, "{\"status\":\"ok\"}")) << plain.output;
    // The server still answers afterwards.
    EXPECT_EQ(curl(base_ + "/healthz").output, "{\"status\":\"ok\"}");
}

TEST_F(Tls, BadCertificateOrKeyFilesStopTheStartWithAClearError) {
    const auto only_cert = serve_failing("--tls-cert '" + cert_ + "'");
    EXPECT_EQ(only_cert.code, 2) << only_cert.output;
    EXPECT_TRUE(has(only_cert.output, "needs both --tls-cert FILE and --tls-key FILE"))
        << only_cert.output;

    const auto missing =
        serve_failing("--tls-cert '" + cert_ + "' --tls-key '" + dir_ + "/nope.pem'");
    EXPECT_EQ(missing.code, 2) << missing.output;
    EXPECT_TRUE(has(missing.output, "--tls-key")) << missing.output;
    EXPECT_TRUE(has(missing.output, "cannot read the key file")) << missing.output;

    const auto not_pem =
        serve_failing("--tls-cert '" + client_conf_ + "' --tls-key '" + key_ + "'");
    EXPECT_EQ(not_pem.code, 2) << not_pem.output;
    EXPECT_TRUE(has(not_pem.output, "is not a PEM certificate")) << not_pem.output;

    const std::string other = dir_ + "/other-key.pem";
    ASSERT_EQ(sh("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out '" +
                 other + "'")
                  .code,
              0);
    const auto mismatched = serve_failing("--tls-cert '" + cert_ + "' --tls-key '" + other + "'");
    EXPECT_EQ(mismatched.code, 2) << mismatched.output;
    EXPECT_TRUE(has(mismatched.output, "does not belong to the certificate")) << mismatched.output;
}

} // namespace
} // namespace cdcwb::testing
