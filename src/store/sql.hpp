// Inside the store: a pooled SOCI session, the unit of work (one transaction on one session),
// and the mapping of database exceptions to error values. Not used outside src/store.
#pragma once

#include "store/database.hpp"

#include <map>
#include <memory>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <typeindex>

namespace cdcwb::store {

/// A pooled connection. It keeps the statements of the busiest paths prepared (see prepared()),
/// which SOCI does not do by itself: preparing costs more than running them.
class Session : public soci::session {
  public:
    Engine engine = Engine::sqlite;

    /// The statement object `T` for this connection, constructed (and prepared) on first use.
    /// `T` holds a soci::statement bound to its own members; a caller sets the members,
    /// executes, and fetches until the end so the statement is reset for the next use.
    template <class T> T& prepared() {
        auto& slot = prepared_[std::type_index(typeid(T))];
        if (!slot) slot = std::make_shared<T>(*this);
        return *static_cast<T*>(slot.get());
    }

  private:
    // Destroyed before the connection closes (members go before the base class).
    std::map<std::type_index, std::shared_ptr<void>> prepared_;
};

/// One transaction on a leased session: begun on construction, rolled back on destruction
/// unless committed. SQLite write units take the write lock up front (BEGIN IMMEDIATE) so two
/// writers queue on the busy timeout instead of failing when a read lock is upgraded;
/// PostgreSQL read units see one consistent snapshot (REPEATABLE READ).
class Unit {
  public:
    /// read: one consistent snapshot over several statements; write: the write lock from the
    /// start; single: one statement on its own (no BEGIN/COMMIT: a statement is atomic).
    enum class Mode { read, write, single };
    Unit(Database& db, Mode mode);
    ~Unit();
    Unit(const Unit&) = delete;
    Unit& operator=(const Unit&) = delete;

    Session& sql() { return *session_; }
    Engine engine() const { return session_->engine; }
    void commit();

  private:
    Database& db_;
    std::size_t slot_ = 0;
    Session* session_ = nullptr;
    bool open_ = false;
};

/// Maps an exception from the database to an error value: constraint violations are conflicts;
/// a lost or refused connection and a full disk are `unavailable` (503: retry later); everything
/// else is internal. The driver's text goes into the error's `cause` only.
domain::Error database_error(const std::exception& e);

/// Runs `work` and turns exceptions into errors.
template <class F> auto guarded(F&& work) -> decltype(work()) {
    try {
        return work();
    } catch (const std::exception& e) {
        return database_error(e);
    }
}

/// Runs a prepared statement that matches at most one row and says whether it found one (its
/// values are then in the statement's into() targets). Reads the statement to its end, so it can
/// run again.
inline bool fetch_one(soci::statement& st) {
    st.execute();
    const bool found = st.fetch();
    while (found && st.fetch()) {
    }
    return found;
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
