// Improvement actions: create, edit, escalate, delete, each with its history.
#include "store/rows.hpp"
#include "store/store.hpp"

#include <charconv>

namespace cdcwb::store {

using namespace domain;
using codec::Json;

namespace {

/// The next free "A-<n>": one more than the highest number in use.
std::string next_action_id(const std::vector<ActionRecord>& existing) {
    int highest = 0;
    for (const auto& r : existing) {
        const auto& id = r.action.id;
        if (id.size() < 3 || id.compare(0, 2, "A-") != 0) continue;
        int n = 0;
        auto [end, ec] = std::from_chars(id.data() + 2, id.data() + id.size(), n);
        if (ec == std::errc() && end == id.data() + id.size()) highest = std::max(highest, n);
    }
    return "A-" + std::to_string(highest + 1);
}

Error stale(const ActionRecord& current, std::int64_t expected) {
    return rows::conflict("action '" + current.action.id + "' was changed by " +
                              current.updated_by + " at " + current.updated_at + " (now revision " +
                              std::to_string(current.revision) + ", you had " +
                              std::to_string(expected) + "); reload and retry",
                          "revision");
}

} // namespace

Result<ActionRecord> ActionStore::action(std::string_view slug, std::string_view id) {
    return rows::read_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<ActionRecord> {
            return rows::found(rows::action(sql, org.id, std::string(id)),
                               rows::not_found("no action '" + std::string(id) + "'", "action"));
        });
}

Result<ActionRecord> ActionStore::create_action(const Actor& actor, std::string_view slug,
                                                Action action) {
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<ActionRecord> {
            auto dir = core_.directory(org.catalogue_id, rows::custom_services(sql, org));
            if (!dir) return dir.error();
            // Two creations at once cannot both take the same next number: the write unit
            // holds the organisation (rows::in_organisation).
            const auto existing = rows::actions(sql, org.id);
            if (action.id.empty()) action.id = next_action_id(existing);
            if (auto s = validate_action(action, **dir, "action"); !s) return s.error();
            for (const auto& r : existing)
                if (r.action.id == action.id)
                    return rows::conflict("an action '" + action.id + "' already exists",
                                          "action.id");
            const std::string at = core_.now();
            action = record_creation(std::move(action), StoreCore::day_of(at));
            rows::insert_action(sql, org.id, rows::next_position(sql, "actions", org.id), action,
                                at, actor.name);
            rows::audit(sql, at, actor, &org, "action", action.id, "create", nullptr,
                        codec::to_json(action));
            auto record = rows::action(sql, org.id, action.id);
            return *record;
        });
}

Result<ActionRecord> ActionStore::update_action(const Actor& actor, std::string_view slug,
                                                const Action& action,
                                                std::int64_t expected_revision) {
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<ActionRecord> {
            auto dir = core_.directory(org.catalogue_id, rows::custom_services(sql, org));
            if (!dir) return dir.error();
            if (auto s = validate_action(action, **dir, "action"); !s) return s.error();
            auto before = rows::action(sql, org.id, action.id);
            if (!before) return rows::not_found("no action '" + action.id + "'", "action.id");
            const std::string at = core_.now();
            const Action edited = record_edit(before->action, action, StoreCore::day_of(at));
            if (!rows::update_action(sql, org.id, edited, expected_revision, at, actor.name))
                return stale(*before, expected_revision);
            rows::audit(sql, at, actor, &org, "action", action.id, "update",
                        codec::to_json(before->action), codec::to_json(edited));
            auto record = rows::action(sql, org.id, action.id);
            return *record;
        });
}

Result<ActionRecord> ActionStore::escalate_action(const Actor& actor, std::string_view slug,
                                                  std::string_view action_id, Date on,
                                                  std::string note,
                                                  std::int64_t expected_revision) {
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<ActionRecord> {
            const std::string id(action_id);
            auto before = rows::action(sql, org.id, id);
            if (!before) return rows::not_found("no action '" + id + "'", "action.id");
            if (before->revision != expected_revision) return stale(*before, expected_revision);
            auto escalated = escalate(before->action, on, std::move(note));
            if (!escalated) return escalated.error();
            const std::string at = core_.now();
            if (!rows::update_action(sql, org.id, *escalated, expected_revision, at, actor.name))
                return stale(*before, expected_revision);
            rows::audit(sql, at, actor, &org, "action", id, "escalate",
                        codec::to_json(before->action), codec::to_json(*escalated));
            auto record = rows::action(sql, org.id, id);
            return *record;
        });
}

Status ActionStore::delete_action(const Actor& actor, std::string_view slug,
                                  std::string_view action_id, std::int64_t expected_revision) {
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Status {
            const std::string id(action_id);
            auto before = rows::action(sql, org.id, id);
            if (!before) return rows::not_found("no action '" + id + "'", "action.id");
            if (before->revision != expected_revision) return stale(*before, expected_revision);
            sql << "delete from actions where org_id = :org and action_id = :id", soci::use(org.id),
                soci::use(id);
            rows::audit(sql, core_.now(), actor, &org, "action", id, "delete",
                        codec::to_json(before->action), nullptr);
            return {};
        });
}

} // namespace cdcwb::store
