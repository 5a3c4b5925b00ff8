// The fixture every store test uses: a fresh, empty database per test on the engine the test
// program runs against (CDCWB_TEST_ENGINE=sqlite, the default, or postgresql), a Store over it
// with the embedded catalogues, and checks that a refused change wrote nothing.
#pragma once

#include "store/store.hpp"

#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>

namespace cdcwb::testing {

/// The engine under test, from CDCWB_TEST_ENGINE.
store::Engine engine_under_test();

/// A URL for a new, empty database on the engine under test (a new PostgreSQL database on the
/// shared test server, or a new SQLite file in a fresh temporary folder). Dropped by
/// `forget_database` or at exit.
store::DatabaseUrl new_database_url();
void forget_database(const store::DatabaseUrl& url);

/// A date written as YYYY-MM-DD (tests only: a bad text is a programming error).
inline domain::Date day(const char* text) {
    return *domain::Date::parse(text);
}

/// The embedded catalogue library (loaded once).
const catalogue::Library& test_library();

/// Every table's content in one string: equal before and after an operation means nothing was
/// written.
std::string database_fingerprint(store::Database& db);

class StoreTest : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

    /// A store whose clock reads `now_` (tests move it).
    store::Store& store() { return *store_; }
    store::Database& db() { return *db_; }

    /// Creates "acme" on X.1060 from the small-company template.
    store::OrganisationRecord make_org(const std::string& slug = "acme");

    store::Actor actor_{"tester", std::nullopt};
    std::chrono::system_clock::time_point now_ =
        std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + std::chrono::hours(9);
    store::DatabaseUrl url_;
    std::unique_ptr<store::Database> db_;
    std::unique_ptr<store::Store> store_;
};

/// Asserts that `operation` fails with `code` (and the error names `field` when given) and
/// leaves the database exactly as it was.
#define EXPECT_REFUSED_UNCHANGED(operation, expected_code, expected_field)                         \
    do {                                                                                           \
        const std::string cdcwb_before = ::cdcwb::testing::database_fingerprint(db());             \
        auto cdcwb_result = (operation);                                                           \
        ASSERT_FALSE(cdcwb_result.ok()) << "expected " #operation " to fail";                      \
        EXPECT_EQ(cdcwb_result.error().code, (expected_code)) << cdcwb_result.error().message;     \
        if (std::string(expected_field).size()) {                                                  \
            EXPECT_EQ(cdcwb_result.error().field, (expected_field))                                \
                << cdcwb_result.error().message;                                                   \
        }                                                                                          \
        EXPECT_FALSE(cdcwb_result.error().message.empty());                                        \
        EXPECT_EQ(::cdcwb::testing::database_fingerprint(db()), cdcwb_before)                      \
            << #operation " changed the database although it failed";                              \
    } while (false)

} // namespace cdcwb::testing
