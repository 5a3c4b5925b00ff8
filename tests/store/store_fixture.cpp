#include "store_fixture.hpp"

#include "store/sql.hpp"
#include "support/postgres_server.hpp"

#include <cstdlib>
#include <mutex>

namespace cdcwb::testing {

namespace {

PostgresServer& postgres() {
    static std::unique_ptr<PostgresServer> server = [] {
        std::string error;
        auto started = PostgresServer::start(error);
        if (!started) {
            std::fprintf(stderr, "cannot start PostgreSQL for the store tests: %s\n",
                         error.c_str());
            std::abort();
        }
        return started;
    }();
    return *server;
}

std::vector<std::string> tables(soci::session& sql, store::Engine engine) {
    std::vector<std::string> out;
    std::string name;
    soci::statement st =
        engine == store::Engine::sqlite
            ? (sql.prepare << "select name from sqlite_master where type = 'table' and name not "
                              "like 'sqlite_%' order by name",
               soci::into(name))
            : (sql.prepare << "select table_name from information_schema.tables where "
                              "table_schema = current_schema() order by table_name",
               soci::into(name));
    st.execute();
    while (st.fetch()) out.push_back(name);
    return out;
}

std::vector<std::string> columns(soci::session& sql, store::Engine engine, const std::string& t) {
    std::vector<std::string> out;
    std::string name;
    soci::statement st =
        engine == store::Engine::sqlite
            ? (sql.prepare << "select name from pragma_table_info(:t) order by cid", soci::use(t),
               soci::into(name))
            : (sql.prepare << "select column_name from information_schema.columns where "
                              "table_schema = current_schema() and table_name = :t order by "
                              "ordinal_position",
               soci::use(t), soci::into(name));
    st.execute();
    while (st.fetch()) out.push_back(name);
    return out;
}

} // namespace

store::Engine engine_under_test() {
    const char* engine = std::getenv("CDCWB_TEST_ENGINE");
    return engine && std::string(engine) == "postgresql" ? store::Engine::postgresql
                                                         : store::Engine::sqlite;
}

store::DatabaseUrl new_database_url() {
    store::DatabaseUrl url;
    url.engine = engine_under_test();
    if (url.engine == store::Engine::postgresql) {
        const std::string name = unique_database_name();
        std::string error;
        if (!postgres().create_database(name, error)) {
            ADD_FAILURE() << "create database: " << error;
        }
        url.connection = postgres().url(name);
    } else {
        char dir[] = "/tmp/cdcwb-store-test-XXXXXX";
        if (!mkdtemp(dir)) ADD_FAILURE() << "mkdtemp failed";
        url.path = std::string(dir) + "/test.sqlite";
    }
    return url;
}

void forget_database(const store::DatabaseUrl& url) {
    if (url.engine == store::Engine::postgresql) {
        const auto slash = url.connection.rfind('/');
        std::string error;
        postgres().drop_database(url.connection.substr(slash + 1), error);
    } else {
        std::error_code ec;
        std::filesystem::remove_all(std::filesystem::path(url.path).parent_path(), ec);
    }
}

const catalogue::Library& test_library() {
    static const catalogue::Library library = [] {
        auto loaded = catalogue::load_library();
        if (!loaded.problems.empty()) std::abort();
        return std::move(loaded.library);
    }();
    return library;
}

std::string database_fingerprint(store::Database& db) {
    store::Unit unit(db, store::Unit::Mode::read);
    auto& sql = unit.sql();
    std::string out;
    for (const auto& table : tables(sql, unit.engine())) {
        const auto cols = columns(sql, unit.engine(), table);
        std::string list;
        for (const auto& c : cols) list += (list.empty() ? "" : ", ") + c;
        std::vector<std::string> values(cols.size());
        std::vector<soci::indicator> inds(cols.size());
        soci::statement st(sql);
        st.alloc();
        st.prepare("select " + list + " from " + table + " order by " + list);
        for (std::size_t i = 0; i < cols.size(); ++i) st.exchange(soci::into(values[i], inds[i]));
        st.define_and_bind();
        st.execute(false);
        out += "[" + table + "]\n";
        while (st.fetch()) {
            for (std::size_t i = 0; i < cols.size(); ++i)
                out +=
                    (inds[i] == soci::i_null ? std::string("NULL") : "'" + values[i] + "'") + "|";
            out += "\n";
        }
    }
    return out;
}

void StoreTest::SetUp() {
    url_ = new_database_url();
    auto opened = store::Database::open(url_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db_ = std::move(*opened);
    store_ = std::make_unique<store::Store>(*db_, test_library(), [this] { return now_; });
}

void StoreTest::TearDown() {
    store_.reset();
    db_.reset();
    forget_database(url_);
}

store::OrganisationRecord StoreTest::make_org(const std::string& slug) {
    auto org = store().organisations.create_organisation(
        actor_, {slug, "Acme " + slug, "x1060-2021", "small-company"});
    EXPECT_TRUE(org.ok()) << org.error().message;
    return org.ok() ? *org : store::OrganisationRecord{};
}

} // namespace cdcwb::testing
