// Commands on the database: init, migrate, users, organisations and their members, import and
// export of `cdcwb/v1` files, backup and restore. Each opens the store, calls one store
// function, and prints the outcome; `--json` prints records as the API does (http/json_mapping).
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/messages.hpp"
#include "cli/text_table.hpp"
#include "http/json_mapping.hpp"
#include "report/assessment_file.hpp"
#include "report/export.hpp"
#include "store/secrets.hpp"
#include "store/store.hpp"

#include <iostream>
#include <memory>
#include <pwd.h>
#include <termios.h>
#include <unistd.h>

namespace cdcwb::cli {

using namespace domain;
using http::Json;

namespace {

int report_error(Context& ctx, const Error& error) {
    return fail(*ctx.err, error);
}

/// Opens the database and runs `command(opened)`: its exit code, or the opening's.
template <class Command> int with_database(Context& ctx, Command&& command) {
    int code = kFailure;
    auto s = open_database(ctx, code);
    if (!s) return code;
    return command(*s);
}

/// Prints the records the API's way (`--json`: an array of http::to_json) or as a table with
/// these headers and a row of each record.
template <class Record, class Row>
int print_records(Context& ctx, const Result<std::vector<Record>>& records, bool json,
                  std::vector<std::string> headers, Row&& row) {
    if (!records) return report_error(ctx, records.error());
    if (json) {
        Json out = Json::array();
        for (const auto& r : *records) out.push_back(http::to_json(r));
        *ctx.out << out.dump(2) << "\n";
        return kOk;
    }
    TextTable table(std::move(headers));
    for (const auto& r : *records) table.add(row(r));
    *ctx.out << table.render();
    return kOk;
}

} // namespace

std::optional<OpenedStore> open_database(Context& ctx, int& code, std::size_t pool_size) {
    store::DatabaseUrl url = store::default_database_url();
    if (!ctx.db.empty()) {
        auto parsed = store::parse_database_url(ctx.db);
        if (!parsed) {
            code = report_error(ctx, parsed.error());
            return std::nullopt;
        }
        url = *parsed;
    }
    *ctx.err << ui("database", ctx.lang) << ": " << url.display() << "\n";
    store::OpenOptions options;
    options.pool_size = pool_size;
    auto db = store::Database::open(url, options);
    if (!db) {
        report_error(ctx, db.error());
        code = db.error().code == ErrorCode::invalid_input ? kBadInput : kFailure;
        return std::nullopt;
    }
    for (int version : (*db)->applied_now())
        *ctx.err << ui("migrated_to", ctx.lang) << " " << version << "\n";
    OpenedStore opened;
    opened.db = std::move(*db);
    opened.store = std::make_unique<store::Store>(*opened.db, ctx.library);
    return opened;
}

namespace {

/// The CLI acts as the operating-system user running it.
store::Actor cli_actor() {
    std::string name;
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) name = pw->pw_name;
    if (name.empty()) name = std::to_string(geteuid());
    return {"cli:" + name, std::nullopt};
}

/// A password from the first line of stdin (--password-stdin), or typed twice at a terminal.
std::optional<std::string> read_password(Context& ctx, bool from_stdin) {
    const auto strip = [](std::string s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
        return s;
    };
    if (from_stdin) {
        std::string line;
        const store::secrets::WipeOnExit wipe_line(line);
        if (!std::getline(std::cin, line)) {
            print_error(*ctx.err, invalid("no password on standard input", "--password-stdin"));
            return std::nullopt;
        }
        return strip(line);
    }
    if (!isatty(STDIN_FILENO)) {
        print_error(*ctx.err, invalid("no terminal to type a password at; pass it on standard "
                                      "input with --password-stdin"));
        return std::nullopt;
    }
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    std::string first, second;
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    *ctx.err << ui("password", ctx.lang) << ": " << std::flush;
    std::getline(std::cin, first);
    *ctx.err << "\n" << ui("password_again", ctx.lang) << ": " << std::flush;
    std::getline(std::cin, second);
    *ctx.err << "\n";
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    const store::secrets::WipeOnExit wipe_first(first), wipe_second(second);
    if (strip(first) != strip(second)) {
        print_error(*ctx.err, invalid("the two passwords differ; nothing was changed"));
        return std::nullopt;
    }
    return strip(first);
}

} // namespace

int init_database(Context& ctx) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        auto version = s.db->schema_version();
        if (!version) return report_error(ctx, version.error());
        *ctx.out << ui("database_ready", ctx.lang) << ": " << s.db->url().display() << " ("
                 << ui("schema_version", ctx.lang) << " " << *version << ")\n";
        auto users = s.store->users.list();
        if (!users) return report_error(ctx, users.error());
        if (users->empty()) *ctx.out << ui("first_admin_hint", ctx.lang) << "\n";
        return kOk;
    });
}

int migrate_database(Context& ctx) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        auto version = s.db->schema_version();
        if (!version) return report_error(ctx, version.error());
        if (s.db->applied_now().empty())
            *ctx.out << ui("schema_up_to_date", ctx.lang) << " (" << *version << ")\n";
        else
            *ctx.out << ui("schema_migrated", ctx.lang) << " " << *version << " ("
                     << s.db->applied_now().size() << " " << ui("migrations", ctx.lang) << ")\n";
        return kOk;
    });
}

int user_add(Context& ctx, const UserAddOptions& options) {
    auto password = read_password(ctx, options.password_stdin);
    if (!password) return kBadInput;
    const store::secrets::WipeOnExit wipe(password);
    return with_database(ctx, [&](OpenedStore& s) -> int {
        auto user =
            s.store->users.create_user(cli_actor(), {options.username, options.display_name,
                                                     *password, options.admin, options.lang});
        if (!user) return report_error(ctx, user.error());
        *ctx.out << ui("user_added", ctx.lang) << ": " << user->username
                 << (user->is_admin ? " (" + ui("site_admin", ctx.lang) + ")" : "") << "\n";
        return kOk;
    });
}

int user_list(Context& ctx, bool json) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        return print_records(
            ctx, s.store->users.list(), json,
            {ui("user", ctx.lang), ui("name", ctx.lang), ui("site_admin", ctx.lang),
             ui("status", ctx.lang), ui("created", ctx.lang)},
            [&](const store::UserRecord& u) -> std::vector<std::string> {
                return {u.username, u.display_name, u.is_admin ? ui("yes", ctx.lang) : "",
                        u.disabled ? ui("disabled", ctx.lang) : ui("enabled", ctx.lang),
                        u.created_at.substr(0, 10)};
            });
    });
}

int user_passwd(Context& ctx, const std::string& username, bool password_stdin) {
    auto password = read_password(ctx, password_stdin);
    if (!password) return kBadInput;
    const store::secrets::WipeOnExit wipe(password);
    return with_database(ctx, [&](OpenedStore& s) -> int {
        if (auto done = s.store->users.set_password(cli_actor(), username, *password); !done)
            return report_error(ctx, done.error());
        *ctx.out << ui("password_changed", ctx.lang) << ": " << username << "\n";
        return kOk;
    });
}

int user_set_disabled(Context& ctx, const std::string& username, bool disabled) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        if (auto done = s.store->users.set_user_disabled(cli_actor(), username, disabled); !done)
            return report_error(ctx, done.error());
        *ctx.out << ui(disabled ? "user_disabled" : "user_enabled", ctx.lang) << ": " << username
                 << "\n";
        return kOk;
    });
}

int user_reset_two_factor(Context& ctx, const std::string& username) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        auto ended = s.store->two_factor.reset(cli_actor(), username);
        if (!ended) return report_error(ctx, ended.error());
        *ctx.out << ui("two_factor_reset", ctx.lang) << ": " << username << " (" << *ended << " "
                 << ui("sessions_ended", ctx.lang) << ")\n";
        return kOk;
    });
}

int org_add(Context& ctx, const OrgAddOptions& options) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        auto org = s.store->organisations.create_organisation(
            cli_actor(), {options.slug, options.name, options.catalogue_id, options.template_id});
        if (!org) return report_error(ctx, org.error());
        *ctx.out << ui("org_added", ctx.lang) << ": " << org->slug << " (" << org->name << ", "
                 << org->catalogue_id << ")\n";
        return kOk;
    });
}

int org_list(Context& ctx, bool json) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        return print_records(ctx, s.store->organisations.list(), json,
                             {ui("id", ctx.lang), ui("name", ctx.lang), ui("catalogue", ctx.lang),
                              ui("reference", ctx.lang), ui("created", ctx.lang)},
                             [](const store::OrganisationRecord& o) -> std::vector<std::string> {
                                 return {o.slug, o.name, o.catalogue_id, o.reference_template,
                                         o.created_at.substr(0, 10)};
                             });
    });
}

int org_grant(Context& ctx, const std::string& org, const std::string& user,
              const std::string& role) {
    auto parsed = parse_role(role);
    if (!parsed) {
        return report_error(
            ctx, invalid("unknown role '" + role + "'; use " + allowed_roles(), "--role"));
    }
    return with_database(ctx, [&](OpenedStore& s) -> int {
        if (auto done = s.store->users.set_role(cli_actor(), org, user, *parsed); !done)
            return report_error(ctx, done.error());
        *ctx.out << ui("role_granted", ctx.lang) << ": " << user << " → " << org << " ("
                 << display_name(*parsed).in(ctx.lang) << ")\n";
        return kOk;
    });
}

int org_revoke(Context& ctx, const std::string& org, const std::string& user) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        if (auto done = s.store->users.remove_member(cli_actor(), org, user); !done)
            return report_error(ctx, done.error());
        *ctx.out << ui("role_revoked", ctx.lang) << ": " << user << " ← " << org << "\n";
        return kOk;
    });
}

int org_members(Context& ctx, const std::string& org, bool json) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        return print_records(
            ctx, s.store->users.members(org), json, {ui("user", ctx.lang), ui("role", ctx.lang)},
            [&](const store::Membership& m) -> std::vector<std::string> {
                return {m.username, std::string(display_name(m.role).in(ctx.lang))};
            });
    });
}

int import_file(Context& ctx, const std::string& file, const std::string& org) {
    auto text = read_file(file, *ctx.err);
    if (!text) return kBadInput;
    auto read = report::read_assessment(file, *text, ctx.library);
    if (!read.problems.empty()) {
        print_errors(*ctx.err, read.problems);
        *ctx.err << read.problems.size() << " " << ui("problems_nothing_imported", ctx.lang)
                 << "\n";
        return kBadInput;
    }
    const std::string slug = org.empty() ? read.assessment->organisation.id : org;
    if (slug.empty()) {
        return report_error(
            ctx, invalid("the file names no organisation id; give one with --org", "--org"));
    }
    return with_database(ctx, [&](OpenedStore& s) -> int {
        auto state = s.store->organisations.import_assessment(cli_actor(), slug, *read.assessment);
        if (!state) return report_error(ctx, state.error());
        *ctx.out << ui("imported", ctx.lang) << ": " << file << " → " << slug << " ("
                 << state->entries.size() << " " << ui("services_count", ctx.lang) << ", "
                 << state->actions.size() << " " << ui("actions_count", ctx.lang) << ", "
                 << state->evaluations.size() << " " << ui("evaluations_count", ctx.lang) << ")\n";
        return kOk;
    });
}

int export_file(Context& ctx, const std::string& org, const std::string& out_file) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        auto text = report::export_organisation(*s.store, org);
        if (!text) return report_error(ctx, text.error());
        if (out_file.empty() || out_file == "-") {
            *ctx.out << *text;
            return kOk;
        }
        if (!write_file_atomically(out_file, *text, *ctx.err)) return kBadInput;
        *ctx.err << ui("wrote", ctx.lang) << ": " << out_file << "\n";
        return kOk;
    });
}

int backup_database(Context& ctx, const std::string& to) {
    return with_database(ctx, [&](OpenedStore& s) -> int {
        if (auto done = s.db->backup(to); !done) return report_error(ctx, done.error());
        *ctx.out << ui("backup_written", ctx.lang) << ": " << to << "\n";
        return kOk;
    });
}

namespace {

void print_chain(Context& ctx, const store::AuditChainReport& r) {
    *ctx.out << (r.org.empty() ? ui("audit_site_chain", ctx.lang) : r.org) << " (" << r.chain
             << "): " << r.records << " " << ui("audit_records", ctx.lang) << ", ";
    if (r.broken) {
        *ctx.out << ui("audit_broken_at", ctx.lang) << " " << r.broken->record_id << "\n  "
                 << r.broken->message << "\n";
        return;
    }
    *ctx.out << ui("audit_verified", ctx.lang);
    if (r.head_id)
        *ctx.out << " (" << ui("audit_head", ctx.lang) << " " << r.head_id << " " << r.head_hash
                 << ")";
    *ctx.out << "\n";
}

} // namespace

int audit_verify(Context& ctx, const std::string& org, bool json) {
    int code = kFailure;
    auto s = open_database(ctx, code);
    if (!s) return code;
    std::vector<store::AuditChainReport> reports;
    if (org.empty()) {
        auto all = s->store->audit.verify_all();
        if (!all) return report_error(ctx, all.error());
        reports = std::move(*all);
    } else {
        auto one = s->store->audit.verify_organisation(org);
        if (!one) return report_error(ctx, one.error());
        reports.push_back(std::move(*one));
    }
    if (json)
        *ctx.out << (org.empty() ? http::to_json(reports) : http::to_json(reports.front())).dump(2)
                 << "\n";
    else
        for (const auto& r : reports) print_chain(ctx, r);
    for (const auto& r : reports)
        if (!r.verified()) return kFindings;
    return kOk;
}

int restore_database(Context& ctx, const std::string& from, bool yes) {
    if (!yes) {
        return report_error(ctx, invalid("restore replaces everything in the database with the "
                                         "backup; add --yes to confirm"));
    }
    return with_database(ctx, [&](OpenedStore& s) -> int {
        if (auto done = s.db->restore(from); !done) return report_error(ctx, done.error());
        *ctx.out << ui("restored", ctx.lang) << ": " << from << " → " << s.db->url().display()
                 << "\n";
        return kOk;
    });
}

} // namespace cdcwb::cli
