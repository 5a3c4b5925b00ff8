// Improvement actions: create, edit, escalate short → long, delete, each with its history.
#pragma once

#include "domain/action.hpp"
#include "store/store_core.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace cdcwb::store {

struct ActionRecord {
    domain::Action action;
    std::int64_t revision = 0;
    std::string updated_at;
    std::string updated_by;
};

class ActionStore {
  public:
    explicit ActionStore(StoreCore& core) : core_(core) {}

    Result<ActionRecord> action(std::string_view slug, std::string_view id);
    /// An empty id is given the next free "A-<n>".
    Result<ActionRecord> create_action(const Actor& actor, std::string_view slug,
                                       domain::Action action);
    Result<ActionRecord> update_action(const Actor& actor, std::string_view slug,
                                       const domain::Action& action,
                                       std::int64_t expected_revision);
    Result<ActionRecord> escalate_action(const Actor& actor, std::string_view slug,
                                         std::string_view action_id, domain::Date on,
                                         std::string note, std::int64_t expected_revision);
    Status delete_action(const Actor& actor, std::string_view slug, std::string_view action_id,
                         std::int64_t expected_revision);

  private:
    StoreCore& core_;
};
} // namespace cdcwb::store
