#include "store_fixture.hpp"

namespace cdcwb::testing {
namespace {

TEST_F(StoreTest, Smoke) {
    auto org = make_org();
    auto state = store().load("acme");
    ASSERT_TRUE(state.ok()) << state.error().message;
    EXPECT_EQ(state->entries.size(), 64u);
    auto e = state->entries.front();
    e.entry.level = domain::Level::basic;
    e.entry.assignment = domain::Assignment::insource;
    e.entry.owner = "SOC";
    e.entry.insource.as_is = *domain::Score::points(2);
    e.entry.insource.to_be = *domain::Score::points(4);
    auto updated = store().update_entry(actor_, "acme", e.entry, e.revision);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->revision, e.revision + 1);
    EXPECT_REFUSED_UNCHANGED(store().update_entry(actor_, "acme", e.entry, e.revision),
                             domain::ErrorCode::conflict, "revision");
    auto ev =
        store().run_evaluation(actor_, "acme", {"", *domain::Date::parse("2026-11-22"), {}, ""});
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    auto audit = store().audit({});
    ASSERT_TRUE(audit.ok()) << audit.error().message;
    EXPECT_EQ(audit->size(), 3u);
}

} // namespace
} // namespace cdcwb::testing
