#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <ostream>

namespace cdcwb::cli {

#ifndef CDCWB_VERSION
#define CDCWB_VERSION "0.0.0"
#endif

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"CDC Workbench: build, run and evaluate a cyber defence centre (ITU-T X.1060)",
                 "cdcwb"};
    app.set_version_flag("--version", "cdcwb " CDCWB_VERSION);
    app.require_subcommand(1);
    app.fallthrough(); // global options may also follow the command

    GlobalOptions global;
    app.add_option("--catalog-dir", global.catalog_dir,
                   "Also load catalogue, crosswalk and template files from this folder")
        ->check(CLI::ExistingDirectory);
    app.add_option("--lang", global.lang, "Output language (default: CDCWB_LANG, LANG, else en)")
        ->check(CLI::IsMember({"en", "ja"}));
    app.add_option(
        "--db", global.db,
        "Database: sqlite:PATH or postgresql://USER@HOST:PORT/DB (default: CDCWB_DB, "
        "else sqlite:$CDCWB_DATA_DIR/cdcwb.sqlite, else sqlite:cdcwb-data/cdcwb.sqlite)");

    std::function<int(Context&)> command;

    auto* catalog = app.add_subcommand("catalog", "List and show catalogues");
    catalog->require_subcommand(1);
    bool json = false;
    auto* list =
        catalog->add_subcommand("list", "List the loaded catalogues, crosswalks and templates");
    list->add_flag("--json", json, "JSON output");
    list->callback([&] { command = [&](Context& c) { return catalog_list(c, json); }; });

    std::string id;
    bool full = false;
    auto* show = catalog->add_subcommand("show", "Show a catalogue's categories and services");
    show->add_option("ID", id, "Catalogue id, e.g. x1060-2021")->required();
    show->add_flag("--json", json, "JSON output");
    show->add_flag("--full", full, "Include descriptions and sourcing reasons");
    show->callback([&] { command = [&](Context& c) { return catalog_show(c, id, json, full); }; });

    std::string catalog_id;
    auto* crosswalk =
        app.add_subcommand("crosswalk", "Show the counterparts of a service in other catalogues");
    crosswalk->add_option("SERVICE_ID", id, "e.g. D-2 (X.1060) or 1.1 (FIRST)")->required();
    crosswalk->add_option("--catalog", catalog_id,
                          "The catalogue the id belongs to, when ambiguous");
    crosswalk->add_flag("--json", json, "JSON output");
    crosswalk->callback(
        [&] { command = [&](Context& c) { return crosswalk_lookup(c, id, catalog_id, json); }; });

    auto* tmpl = app.add_subcommand("template", "List and show catalogue templates");
    tmpl->require_subcommand(1);
    auto* tlist = tmpl->add_subcommand("list", "List templates");
    tlist->add_flag("--json", json, "JSON output");
    tlist->callback([&] { command = [&](Context& c) { return template_list(c, json); }; });
    auto* tshow = tmpl->add_subcommand("show", "Show a template's level for every service");
    tshow->add_option("NAME", id, "Template id, e.g. small-company")->required();
    tshow->add_flag("--json", json, "JSON output");
    tshow->callback([&] { command = [&](Context& c) { return template_show(c, id, json); }; });

    EvaluateOptions eval;
    auto* evaluate_cmd = app.add_subcommand(
        "evaluate", "Run the catalogue, profile and portfolio evaluations on an assessment file");
    evaluate_cmd->add_option("FILE", eval.file, "Assessment file (format cdcwb/v1)")->required();
    evaluate_cmd->add_flag("--json", eval.json, "JSON output (docs/json-output.md)");
    evaluate_cmd->add_option(
        "--fail-on", eval.fail_on,
        "Exit 1 when a finding has this severity or higher: error | warning | info");
    evaluate_cmd->add_option("--date", eval.date,
                             "Evaluate as of this date (YYYY-MM-DD; default today)");
    evaluate_cmd->add_option(
        "--reference", eval.reference,
        "Compare levels with this template instead of the file's reference_template");
    evaluate_cmd->add_flag("--drafts", eval.drafts,
                           "List the draft actions proposed for the findings");
    evaluate_cmd->callback([&] { command = [&](Context& c) { return evaluate(c, eval); }; });

    NewOptions fresh;
    auto* new_cmd = app.add_subcommand("new", "Write a starter assessment file from a template");
    new_cmd->add_option("FILE", fresh.file, "File to create")->required();
    new_cmd->add_option("--template", fresh.template_id, "Template id (see: cdcwb template list)")
        ->required();
    new_cmd->add_option("--org", fresh.organisation, "Organisation name");
    new_cmd->add_flag("--force", fresh.force, "Overwrite FILE if it exists");
    new_cmd->callback([&] { command = [&](Context& c) { return new_assessment(c, fresh); }; });

    // The database ----------------------------------------------------------------------------
    auto* init = app.add_subcommand("init", "Create the database (or check it) and migrate it");
    init->callback([&] { command = [&](Context& c) { return init_database(c); }; });
    auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");
    migrate->callback([&] { command = [&](Context& c) { return migrate_database(c); }; });

    auto* user = app.add_subcommand("user", "Manage user accounts");
    user->require_subcommand(1);
    UserAddOptions user_opt;
    auto* uadd = user->add_subcommand("add", "Add a user (password typed twice, or on stdin)");
    uadd->add_option("NAME", user_opt.username, "User name, e.g. alice or alice@example.jp")
        ->required();
    uadd->add_flag("--admin", user_opt.admin, "Site administrator: every organisation");
    uadd->add_option("--display-name", user_opt.display_name, "Name shown in the UI");
    uadd->add_option("--user-lang", user_opt.lang, "The user's language: en | ja")
        ->check(CLI::IsMember({"en", "ja"}));
    uadd->add_flag("--password-stdin", user_opt.password_stdin,
                   "Read the password from the first line of standard input");
    uadd->callback([&] { command = [&](Context& c) { return user_add(c, user_opt); }; });
    auto* ulist = user->add_subcommand("list", "List users");
    ulist->add_flag("--json", json, "JSON output");
    ulist->callback([&] { command = [&](Context& c) { return user_list(c, json); }; });
    auto* upass = user->add_subcommand("passwd", "Set a user's password (ends their sessions)");
    upass->add_option("NAME", user_opt.username, "User name")->required();
    upass->add_flag("--password-stdin", user_opt.password_stdin,
                    "Read the password from the first line of standard input");
    upass->callback([&] {
        command = [&](Context& c) {
            return user_passwd(c, user_opt.username, user_opt.password_stdin);
        };
    });
    auto* udisable = user->add_subcommand("disable", "Disable an account (ends its sessions)");
    udisable->add_option("NAME", user_opt.username, "User name")->required();
    udisable->callback([&] {
        command = [&](Context& c) { return user_set_disabled(c, user_opt.username, true); };
    });
    auto* uenable = user->add_subcommand("enable", "Enable a disabled account");
    uenable->add_option("NAME", user_opt.username, "User name")->required();
    uenable->callback([&] {
        command = [&](Context& c) { return user_set_disabled(c, user_opt.username, false); };
    });

    auto* org = app.add_subcommand("org", "Manage organisations and their members");
    org->require_subcommand(1);
    OrgAddOptions org_opt;
    auto* oadd = org->add_subcommand("add", "Add an organisation");
    oadd->add_option("ID", org_opt.slug, "Organisation id, e.g. kasumi (a-z, 0-9, -, _)")
        ->required();
    oadd->add_option("--name", org_opt.name, "Organisation name")->required();
    oadd->add_option("--catalog", org_opt.catalog_id, "Catalogue id (default x1060-2021)");
    oadd->add_option("--template", org_opt.template_id,
                     "Start from this template's levels (see: cdcwb template list)");
    oadd->callback([&] { command = [&](Context& c) { return org_add(c, org_opt); }; });
    auto* olist = org->add_subcommand("list", "List organisations");
    olist->add_flag("--json", json, "JSON output");
    olist->callback([&] { command = [&](Context& c) { return org_list(c, json); }; });
    std::string member;
    std::string role;
    auto* grant = org->add_subcommand("grant", "Give a user a role in an organisation");
    grant->add_option("ID", org_opt.slug, "Organisation id")->required();
    grant->add_option("USER", member, "User name")->required();
    grant->add_option("--role", role, "admin | assessor | approver | viewer")->required();
    grant->callback(
        [&] { command = [&](Context& c) { return org_grant(c, org_opt.slug, member, role); }; });
    auto* revoke = org->add_subcommand("revoke", "Remove a user from an organisation");
    revoke->add_option("ID", org_opt.slug, "Organisation id")->required();
    revoke->add_option("USER", member, "User name")->required();
    revoke->callback(
        [&] { command = [&](Context& c) { return org_revoke(c, org_opt.slug, member); }; });
    auto* members = org->add_subcommand("members", "List an organisation's members");
    members->add_option("ID", org_opt.slug, "Organisation id")->required();
    members->add_flag("--json", json, "JSON output");
    members->callback(
        [&] { command = [&](Context& c) { return org_members(c, org_opt.slug, json); }; });

    std::string file;
    std::string org_id;
    auto* import_cmd = app.add_subcommand(
        "import", "Replace an organisation's state with a cdcwb/v1 file (creating it if new)");
    import_cmd->add_option("FILE", file, "Assessment file (format cdcwb/v1)")->required();
    import_cmd->add_option("--org", org_id, "Organisation id (default: the file's)");
    import_cmd->callback(
        [&] { command = [&](Context& c) { return import_file(c, file, org_id); }; });
    auto* export_cmd =
        app.add_subcommand("export", "Write an organisation's state as a cdcwb/v1 file");
    export_cmd->add_option("--org", org_id, "Organisation id")->required();
    export_cmd->add_option("--out", file, "File to write (default: standard output)");
    export_cmd->callback(
        [&] { command = [&](Context& c) { return export_file(c, org_id, file); }; });
    auto* backup = app.add_subcommand(
        "backup", "Copy the database, consistently, into a new SQLite file (safe while serving)");
    backup->add_option("--to", file, "The backup file to create")->required();
    backup->callback([&] { command = [&](Context& c) { return backup_database(c, file); }; });
    bool yes = false;
    auto* restore = app.add_subcommand(
        "restore", "Replace everything in the database with a backup made by cdcwb backup");
    restore->add_option("FILE", file, "The backup file")->required();
    restore->add_flag("--yes", yes, "Confirm that the database's current content is replaced");
    restore->callback(
        [&] { command = [&](Context& c) { return restore_database(c, file, yes); }; });

    ServeOptions serve_opt;
    auto* serve_cmd = app.add_subcommand(
        "serve", "Run the HTTP server: the JSON API (and web UI) on the database");
    serve_cmd->add_option("--listen", serve_opt.listen, "HOST:PORT (default 127.0.0.1:8080)");
    serve_cmd->add_flag("--demo", serve_opt.demo,
                        "Seed an empty database with a fictional organisation and demo users");
    serve_cmd
        ->add_option("--workers", serve_opt.workers,
                     "Request workers (default: one per core, at least 2)")
        ->check(CLI::Range(1, 64));
    serve_cmd
        ->add_option("--io-threads", serve_opt.io_threads,
                     "I/O threads (default 2, or 1 on a single core)")
        ->check(CLI::Range(1, 16));
    serve_cmd->add_flag("--secure-cookies", serve_opt.secure_cookies,
                        "Mark the session cookie Secure (when a proxy serves HTTPS)");
    serve_cmd->callback([&] { command = [&](Context& c) { return serve(c, serve_opt); }; });

    app.add_subcommand("openapi", "Print the API's OpenAPI 3.1 document (JSON)")->callback([&] {
        command = [](Context& c) { return openapi(c); };
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e, out, err); // --help, --version
        err << "error: " << e.what() << "\n"
            << "Run with --help for usage.\n";
        return kBadInput;
    }
    auto ctx = make_context(global, out, err);
    if (!ctx) return kBadInput;
    return command(*ctx);
}

} // namespace cdcwb::cli
