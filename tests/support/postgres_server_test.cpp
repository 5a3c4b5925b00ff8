// Tests of the throwaway PostgreSQL server used by database tests: it really starts, serves
// databases on loopback only, and leaves nothing behind.
#include "support/postgres_server.hpp"

#include <arpa/inet.h>
#include <cstdint>
#include <filesystem>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <memory>
#include <netinet/in.h>
#include <regex>
#include <set>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace cdcwb::testing {
namespace {

struct ConnectionCloser {
    void operator()(PGconn* conn) const { PQfinish(conn); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

Connection connect(const std::string& url) {
    return Connection(PQconnectdb(url.c_str()));
}

// The single value `sql` returns, or "ERROR: ..." so a failed query shows in the assertion.
std::string query_value(PGconn* conn, const std::string& sql) {
    PGresult* result = PQexec(conn, sql.c_str());
    std::string value = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1
                            ? PQgetvalue(result, 0, 0)
                            : std::string("ERROR: ") + PQerrorMessage(conn);
    PQclear(result);
    return value;
}

// Whether a TCP connection to address:port succeeds.
bool accepts_connections(const char* address, int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, address, &addr.sin_addr);
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return connected;
}

std::unique_ptr<PostgresServer> start_server() {
    std::string error;
    auto server = PostgresServer::start(error);
    EXPECT_NE(server, nullptr) << error;
    EXPECT_TRUE(error.empty()) << error;
    return server;
}

TEST(PostgresServer, ServesACreatedDatabaseOnLoopbackOnly) {
    auto server = start_server();
    ASSERT_NE(server, nullptr);
    EXPECT_GT(server->port(), 0);
    EXPECT_EQ(server->url("db_1"),
              "postgresql://cdcwb@127.0.0.1:" + std::to_string(server->port()) + "/db_1");

    const std::string name = unique_database_name();
    std::string error;
    ASSERT_TRUE(server->create_database(name, error)) << error;

    Connection conn = connect(server->url(name));
    ASSERT_EQ(PQstatus(conn.get()), CONNECTION_OK) << PQerrorMessage(conn.get());
    EXPECT_EQ(query_value(conn.get(), "select 1"), "1");
    EXPECT_EQ(query_value(conn.get(), "select current_database()"), name);
    EXPECT_EQ(query_value(conn.get(), "select current_user"), "cdcwb");
    EXPECT_GE(std::stoi(query_value(conn.get(), "show server_version_num")), 150000);
    EXPECT_EQ(query_value(conn.get(), "show server_encoding"), "UTF8");
    EXPECT_EQ(query_value(conn.get(), "show lc_collate"), "C");
    EXPECT_EQ(query_value(conn.get(), "show listen_addresses"), "127.0.0.1");
    EXPECT_EQ(query_value(conn.get(), "show max_connections"), "50");
    EXPECT_EQ(query_value(conn.get(), "show fsync"), "on");

    // 127.0.0.2 is loopback too, but a server bound to 127.0.0.1 alone must not answer there.
    EXPECT_TRUE(accepts_connections("127.0.0.1", server->port()));
    EXPECT_FALSE(accepts_connections("127.0.0.2", server->port()));

    // WITH (FORCE): the open connection does not block the drop.
    ASSERT_TRUE(server->drop_database(name, error)) << error;
    EXPECT_NE(PQstatus(connect(server->url(name)).get()), CONNECTION_OK);
}

TEST(PostgresServer, DestructionStopsTheServerAndDeletesItsFolder) {
    auto server = start_server();
    ASSERT_NE(server, nullptr);
    const int port = server->port();
    const std::filesystem::path folder = server->directory();
    EXPECT_TRUE(std::filesystem::exists(folder / "data" / "postmaster.pid"));
    EXPECT_TRUE(accepts_connections("127.0.0.1", port));

    server.reset();

    EXPECT_FALSE(accepts_connections("127.0.0.1", port));
    EXPECT_FALSE(std::filesystem::exists(folder));
}

TEST(PostgresServer, CreatingAnExistingDatabaseOrDroppingAMissingOneFails) {
    auto server = start_server();
    ASSERT_NE(server, nullptr);
    const std::string name = unique_database_name();
    std::string error;
    ASSERT_TRUE(server->create_database(name, error)) << error;

    EXPECT_FALSE(server->create_database(name, error));
    EXPECT_NE(error.find("already exists"), std::string::npos) << error;

    error.clear();
    EXPECT_FALSE(server->drop_database("no_such_database", error));
    EXPECT_NE(error.find("does not exist"), std::string::npos) << error;
}

TEST(PostgresServer, TwoServersRunSideBySide) {
    auto first = start_server();
    auto second = start_server();
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_NE(first->port(), second->port());
    EXPECT_NE(first->directory(), second->directory());

    std::string error;
    ASSERT_TRUE(first->create_database("only_in_first", error)) << error;
    Connection conn = connect(second->url("only_in_first"));
    EXPECT_NE(PQstatus(conn.get()), CONNECTION_OK);
    EXPECT_TRUE(second->create_database("only_in_first", error)) << error;
}

TEST(UniqueDatabaseName, IsALowercaseIdentifierThatNeverRepeats) {
    const std::regex identifier("t_[0-9]+_[0-9]+_[0-9a-f]{8}");
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string name = unique_database_name();
        EXPECT_TRUE(std::regex_match(name, identifier)) << name;
        EXPECT_LE(name.size(), 63u) << name; // PostgreSQL's identifier limit (NAMEDATALEN - 1)
        EXPECT_TRUE(seen.insert(name).second) << name << " repeated";
    }
    EXPECT_NE(unique_database_name().find("_" + std::to_string(::getpid()) + "_"),
              std::string::npos);
}

} // namespace
} // namespace cdcwb::testing
