// Inside the store: a pooled SOCI session, the unit of work (one transaction on one session),
// and the mapping of database exceptions to error values. Not used outside src/store.
#pragma once

#include "store/database.hpp"

#include <optional>
#include <soci/soci.h>
#include <string>

namespace cdcwb::store {

class Session {
  public:
    soci::session sql;
    Engine engine = Engine::sqlite;
};

/// One transaction on a leased session: begun on construction, rolled back on destruction
/// unless committed. SQLite write units take the write lock up front (BEGIN IMMEDIATE) so two
/// writers queue on the busy timeout instead of failing when a read lock is upgraded;
/// PostgreSQL read units see one consistent snapshot (REPEATABLE READ).
class Unit {
  public:
    enum class Mode { read, write };
    Unit(Database& db, Mode mode);
    ~Unit();
    Unit(const Unit&) = delete;
    Unit& operator=(const Unit&) = delete;

    soci::session& sql() { return session_->sql; }
    Engine engine() const { return session_->engine; }
    void commit();

  private:
    Database& db_;
    std::size_t slot_ = 0;
    Session* session_ = nullptr;
    bool open_ = false;
};

/// Maps an exception from the database to an error value: constraint violations are conflicts,
/// everything else is internal (with the database's message, which names no secrets).
domain::Error database_error(const std::exception& e);

/// Runs `work` and turns exceptions into errors.
template <class F> auto guarded(F&& work) -> decltype(work()) {
    try {
        return work();
    } catch (const std::exception& e) {
        return database_error(e);
    }
}

/// A nullable text column bound from/to std::optional<std::string>.
struct NullableText {
    std::string value;
    soci::indicator ind = soci::i_null;
    NullableText() = default;
    explicit NullableText(const std::optional<std::string>& v) {
        if (v) {
            value = *v;
            ind = soci::i_ok;
        }
    }
    std::optional<std::string> get() const {
        if (ind == soci::i_ok) return value;
        return std::nullopt;
    }
};

} // namespace cdcwb::store
