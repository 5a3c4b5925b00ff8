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
