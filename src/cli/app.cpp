#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <ostream>
#include <type_traits>

namespace cdcwb::cli {

#ifndef CDCWB_VERSION
#define CDCWB_VERSION "0.0.0"
#endif

namespace {

/// What the parsed command line runs once the context is made.
using Command = std::function<int(Context&)>;

/// Declares a (sub)command whose options are kept in an `Options` owned by its callback, and
/// which sets `command` to run `body(context, options)` when it is the one given.
template <class Options, class Body>
std::shared_ptr<Options> on(CLI::App* sub, Command& command, Body body) {
    auto options = std::make_shared<Options>();
    sub->callback([&command, options, body] {
        command = [options, body](Context& c) { return body(c, *options); };
    });
    return options;
}

/// A listing subcommand `name` of `parent` whose one option is --json: runs `list(context, json)`.
/// An option whose value must lie in [low, high]; CLI11 names the range when it does not.
template <class T>
void add_ranged(CLI::App* sub, const std::string& name, T& value, const std::string& description,
                std::type_identity_t<T> low, std::type_identity_t<T> high) {
    sub->add_option(name, value, description)->check(CLI::Range(low, high));
}

void add_list_command(CLI::App* parent, const std::string& name, const std::string& description,
                      Command& command, int (*list)(Context&, bool)) {
    struct ListOptions {
        bool json = false;
    };
    auto* sub = parent->add_subcommand(name, description);
    auto o = on<ListOptions>(
        sub, command, [list](Context& c, ListOptions& options) { return list(c, options.json); });
    sub->add_flag("--json", o->json, "JSON output");
}

struct IdOptions {
    std::string id;
    std::string catalogue_id;
    bool json = false;
    bool full = false;
};

void add_catalogue_commands(CLI::App& app, Command& command) {
    auto* catalogue = app.add_subcommand("catalog", "List and show catalogues");
    catalogue->require_subcommand(1);
    add_list_command(catalogue, "list", "List the loaded catalogues, crosswalks and templates",
                     command, catalogue_list);
    auto* show = catalogue->add_subcommand("show", "Show a catalogue's categories and services");
    auto s = on<IdOptions>(show, command, [](Context& c, IdOptions& o) {
        return catalogue_show(c, o.id, o.json, o.full);
    });
    show->add_option("ID", s->id, "Catalogue id, e.g. x1060-2021")->required();
    show->add_flag("--json", s->json, "JSON output");
    show->add_flag("--full", s->full, "Include descriptions and sourcing reasons");

    auto* crosswalk =
        app.add_subcommand("crosswalk", "Show the counterparts of a service in other catalogues");
    auto x = on<IdOptions>(crosswalk, command, [](Context& c, IdOptions& o) {
        return crosswalk_lookup(c, o.id, o.catalogue_id, o.json);
    });
    crosswalk->add_option("SERVICE_ID", x->id, "e.g. D-2 (X.1060) or 1.1 (FIRST)")->required();
    crosswalk->add_option("--catalog", x->catalogue_id,
                          "The catalogue the id belongs to, when ambiguous");
    crosswalk->add_flag("--json", x->json, "JSON output");

    auto* tmpl = app.add_subcommand("template", "List and show catalogue templates");
    tmpl->require_subcommand(1);
    add_list_command(tmpl, "list", "List templates", command, template_list);
    auto* tshow = tmpl->add_subcommand("show", "Show a template's level for every service");
    auto ts = on<IdOptions>(
        tshow, command, [](Context& c, IdOptions& o) { return template_show(c, o.id, o.json); });
    tshow->add_option("NAME", ts->id, "Template id, e.g. small-company")->required();
    tshow->add_flag("--json", ts->json, "JSON output");
}

void add_assessment_commands(CLI::App& app, Command& command) {
    auto* evaluate_cmd = app.add_subcommand(
        "evaluate", "Run the catalogue, profile and portfolio evaluations on an assessment file");
    auto e = on<EvaluateOptions>(evaluate_cmd, command, evaluate);
    evaluate_cmd->add_option("FILE", e->file, "Assessment file (format cdcwb/v1)")->required();
    evaluate_cmd->add_flag("--json", e->json, "JSON output (docs/json-output.md)");
    evaluate_cmd->add_option(
        "--fail-on", e->fail_on,
        "Exit 1 when a finding has this severity or higher: error | warning | info");
    evaluate_cmd->add_option("--date", e->date,
                             "Evaluate as of this date (YYYY-MM-DD; default today)");
    evaluate_cmd->add_option(
        "--reference", e->reference,
        "Compare levels with this template instead of the file's reference_template");
    evaluate_cmd->add_flag("--drafts", e->drafts,
                           "List the draft actions proposed for the findings");

    auto* new_cmd = app.add_subcommand("new", "Write a starter assessment file from a template");
    auto n = on<NewOptions>(new_cmd, command, new_assessment);
    new_cmd->add_option("FILE", n->file, "File to create")->required();
    new_cmd->add_option("--template", n->template_id, "Template id (see: cdcwb template list)")
        ->required();
    new_cmd->add_option("--org", n->organisation, "Organisation name");
    new_cmd->add_flag("--force", n->force, "Overwrite FILE if it exists");
}

void add_user_commands(CLI::App& app, Command& command) {
    auto* user = app.add_subcommand("user", "Manage user accounts");
    user->require_subcommand(1);
    auto* add = user->add_subcommand("add", "Add a user (password typed twice, or on stdin)");
    auto a = on<UserAddOptions>(add, command,
                                [](Context& c, UserAddOptions& o) { return user_add(c, o); });
    add->add_option("NAME", a->username, "User name, e.g. alice or alice@example.jp")->required();
    add->add_flag("--admin", a->admin, "Site administrator: every organisation");
    add->add_option("--display-name", a->display_name, "Name shown in the UI");
    add->add_option("--user-lang", a->lang, "The user's language: en | ja")
        ->check(CLI::IsMember({"en", "ja"}));
    add->add_flag("--password-stdin", a->password_stdin,
                  "Read the password from the first line of standard input");
    add_list_command(user, "list", "List users", command, user_list);
    auto* passwd = user->add_subcommand("passwd", "Set a user's password (ends their sessions)");
    auto p = on<UserAddOptions>(passwd, command, [](Context& c, UserAddOptions& o) {
        return user_passwd(c, o.username, o.password_stdin);
    });
    passwd->add_option("NAME", p->username, "User name")->required();
    passwd->add_flag("--password-stdin", p->password_stdin,
                     "Read the password from the first line of standard input");
    for (const bool disable : {true, false}) {
        auto* sub = disable
                        ? user->add_subcommand("disable", "Disable an account (ends its sessions)")
                        : user->add_subcommand("enable", "Enable a disabled account");
        auto o = on<UserAddOptions>(sub, command, [disable](Context& c, UserAddOptions& u) {
            return user_set_disabled(c, u.username, disable);
        });
        sub->add_option("NAME", o->username, "User name")->required();
    }
    auto* reset = user->add_subcommand(
        "reset-two-factor",
        "Turn a user's two-factor sign-in off when they lost their device (ends their sessions)");
    auto r = on<UserAddOptions>(reset, command, [](Context& c, UserAddOptions& u) {
        return user_reset_two_factor(c, u.username);
    });
    reset->add_option("NAME", r->username, "User name")->required();
}

struct OrgOptions : OrgAddOptions {
    std::string user;
    std::string role;
    bool json = false;
};

void add_org_commands(CLI::App& app, Command& command) {
    auto* org = app.add_subcommand("org", "Manage organisations and their members");
    org->require_subcommand(1);
    auto* add = org->add_subcommand("add", "Add an organisation");
    auto a = on<OrgOptions>(add, command, [](Context& c, OrgOptions& o) { return org_add(c, o); });
    add->add_option("ID", a->slug, "Organisation id, e.g. kasumi (a-z, 0-9, -, _)")->required();
    add->add_option("--name", a->name, "Organisation name")->required();
    add->add_option("--catalog", a->catalogue_id, "Catalogue id (default x1060-2021)");
    add->add_option("--template", a->template_id,
                    "Start from this template's levels (see: cdcwb template list)");
    add_list_command(org, "list", "List organisations", command, org_list);
    auto* grant = org->add_subcommand("grant", "Give a user a role in an organisation");
    auto g = on<OrgOptions>(grant, command, [](Context& c, OrgOptions& o) {
        return org_grant(c, o.slug, o.user, o.role);
    });
    grant->add_option("ID", g->slug, "Organisation id")->required();
    grant->add_option("USER", g->user, "User name")->required();
    grant->add_option("--role", g->role, "admin | assessor | approver | viewer")->required();
    auto* revoke = org->add_subcommand("revoke", "Remove a user from an organisation");
    auto r = on<OrgOptions>(
        revoke, command, [](Context& c, OrgOptions& o) { return org_revoke(c, o.slug, o.user); });
    revoke->add_option("ID", r->slug, "Organisation id")->required();
    revoke->add_option("USER", r->user, "User name")->required();
    auto* members = org->add_subcommand("members", "List an organisation's members");
    auto m = on<OrgOptions>(
        members, command, [](Context& c, OrgOptions& o) { return org_members(c, o.slug, o.json); });
    members->add_option("ID", m->slug, "Organisation id")->required();
    members->add_flag("--json", m->json, "JSON output");
}

struct FileOptions {
    std::string file;
    std::string org;
    bool yes = false;
};

struct AuditOptions {
    std::string org;
    bool json = false;
};

void add_database_commands(CLI::App& app, Command& command) {
    auto* init = app.add_subcommand("init", "Create the database (or check it) and migrate it");
    on<FileOptions>(init, command, [](Context& c, FileOptions&) { return init_database(c); });
    auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");
    on<FileOptions>(migrate, command, [](Context& c, FileOptions&) { return migrate_database(c); });

    auto* import_cmd = app.add_subcommand(
        "import", "Replace an organisation's state with a cdcwb/v1 file (creating it if new)");
    auto i = on<FileOptions>(import_cmd, command, [](Context& c, FileOptions& o) {
        return import_file(c, o.file, o.org);
    });
    import_cmd->add_option("FILE", i->file, "Assessment file (format cdcwb/v1)")->required();
    import_cmd->add_option("--org", i->org, "Organisation id (default: the file's)");
    auto* export_cmd =
        app.add_subcommand("export", "Write an organisation's state as a cdcwb/v1 file");
    auto e = on<FileOptions>(export_cmd, command, [](Context& c, FileOptions& o) {
        return export_file(c, o.org, o.file);
    });
    export_cmd->add_option("--org", e->org, "Organisation id")->required();
    export_cmd->add_option("--out", e->file, "File to write (default: standard output)");
    auto* backup = app.add_subcommand(
        "backup", "Copy the database, consistently, into a new SQLite file (safe while serving)");
    auto b = on<FileOptions>(backup, command,
                             [](Context& c, FileOptions& o) { return backup_database(c, o.file); });
    backup->add_option("--to", b->file, "The backup file to create")->required();
    auto* restore = app.add_subcommand(
        "restore", "Replace everything in the database with a backup made by cdcwb backup");
    auto r = on<FileOptions>(restore, command, [](Context& c, FileOptions& o) {
        return restore_database(c, o.file, o.yes);
    });
    restore->add_option("FILE", r->file, "The backup file")->required();
    restore->add_flag("--yes", r->yes, "Confirm that the database's current content is replaced");

    auto* audit = app.add_subcommand("audit", "Check the tamper-evident audit log");
    audit->require_subcommand(1);
    auto* verify = audit->add_subcommand(
        "verify", "Check the audit chains and name the first record edited, removed or reordered");
    auto v = on<AuditOptions>(verify, command, [](Context& c, AuditOptions& o) {
        return audit_verify(c, o.org, o.json);
    });
    verify->add_option("--org", v->org, "Only this organisation's chain (default: every chain)");
    verify->add_flag("--json", v->json, "JSON output");
}

void add_serve_command(CLI::App& app, Command& command) {
    auto* serve_cmd = app.add_subcommand(
        "serve", "Run the HTTP server: the JSON API (and web UI) on the database");
    auto s = on<ServeOptions>(serve_cmd, command, serve);
    serve_cmd->add_option("--listen", s->listen, "HOST:PORT (default 127.0.0.1:8080)");
    serve_cmd->add_flag("--demo", s->demo,
                        "Seed an empty database with a fictional organisation and demo users");
    add_ranged(serve_cmd, "--workers", s->workers,
               "Request workers (default: one per core, at least 2)", 1, 64);
    add_ranged(serve_cmd, "--io-threads", s->io_threads,
               "I/O threads (default 2, or 1 on a single core)", 1, 16);
    serve_cmd->add_flag("--secure-cookies", s->secure_cookies,
                        "Secure session cookie (__Host- prefix) and HSTS, for when a proxy "
                        "serves HTTPS (implied by --tls-cert)");
    serve_cmd->add_option("--tls-cert", s->tls_cert,
                          "Serve HTTPS (TLS 1.2/1.3) with this PEM certificate chain; needs "
                          "--tls-key");
    serve_cmd->add_option("--tls-key", s->tls_key, "The PEM private key of --tls-cert");
    add_ranged(serve_cmd, "--max-connections", s->max_connections,
               "Open connections at most (default 4096); more are refused with 503", 1, 1000000);
    add_ranged(serve_cmd, "--max-connections-per-address", s->max_connections_per_address,
               "Open connections from one address at most (default 256)", 1, 1000000);
    add_ranged(serve_cmd, "--read-timeout", s->read_timeout,
               "Seconds a request's headers (and a body up to 64 KiB) may take to arrive "
               "(default 5)",
               1, 3600);
    add_ranged(serve_cmd, "--upload-timeout", s->upload_timeout,
               "Seconds a larger body (an evidence upload) may take (default 60)", 1, 3600);
    serve_cmd->add_option("--trusted-proxy", s->trusted_proxies,
                          "A reverse proxy (ADDR or ADDR/PREFIX, IPv4 or IPv6; repeatable) whose "
                          "X-Forwarded-For names the client");
    serve_cmd->add_option("--session-idle-timeout", s->session_idle_timeout,
                          "A session unused this long ends: seconds, or with s, m or h (default "
                          "30m; at most 24h)");
    serve_cmd->add_option("--evidence-quota-bytes", s->evidence_quota_bytes,
                          "Evidence one organisation may keep in all: bytes, or with K, M or G "
                          "(powers of 1024; default 1G)");
    add_ranged(serve_cmd, "--evidence-quota-files", s->evidence_quota_files,
               "Evidence files one organisation may keep (default 10000)", 1, 100000000);
    serve_cmd->add_option("--answer-cache", s->answer_cache,
                          "Memory for cached answers of organisation reads: bytes, or with K, M "
                          "or G (default 64M); 0 caches nothing");
    auto* openapi_cmd =
        app.add_subcommand("openapi", "Print the API's OpenAPI 3.1 document (JSON)");
    on<FileOptions>(openapi_cmd, command, [](Context& c, FileOptions&) { return openapi(c); });
}

void add_global_options(CLI::App& app, GlobalOptions& global) {
    app.add_option("--catalog-dir", global.catalogue_dir,
                   "Also load catalogue, crosswalk and template files from this folder")
        ->check(CLI::ExistingDirectory);
    app.add_option("--lang", global.lang, "Output language (default: CDCWB_LANG, LANG, else en)")
        ->check(CLI::IsMember({"en", "ja"}));
    app.add_option(
        "--db", global.db,
        "Database: sqlite:PATH or postgresql://USER@HOST:PORT/DB (default: CDCWB_DB, "
        "else sqlite:$CDCWB_DATA_DIR/cdcwb.sqlite, else sqlite:cdcwb-data/cdcwb.sqlite)");
}

} // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"CDC Workbench: build, run and evaluate a cyber defence centre (ITU-T X.1060)",
                 "cdcwb"};
    app.set_version_flag("--version", "cdcwb " CDCWB_VERSION);
    app.require_subcommand(1);
    app.fallthrough(); // global options may also follow the command
    GlobalOptions global;
    add_global_options(app, global);
    Command command;
    add_catalogue_commands(app, command);
    add_assessment_commands(app, command);
    add_database_commands(app, command);
    add_user_commands(app, command);
    add_org_commands(app, command);
    add_serve_command(app, command);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e, out, err); // --help, --version
        print_error(err, domain::invalid(std::string(e.what()) + "\nRun with --help for usage."));
        return kBadInput;
    }
    auto ctx = make_context(global, out, err);
    if (!ctx) return kBadInput;
    return command(*ctx);
}

} // namespace cdcwb::cli
