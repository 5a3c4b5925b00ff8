// cdcwb evaluate FILE, cdcwb new FILE --template NAME.
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/messages.hpp"
#include "cli/text_table.hpp"
#include "domain/review.hpp"
#include "report/assessment_file.hpp"
#include "report/json.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

namespace cdcwb::cli {
using namespace domain;
using Align = TextTable::Align;

namespace {

Date today() {
    return Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string mean(const Aggregate& a, double v) {
    return a.counted ? fixed1(v) : "-";
}

std::string service_label(const ServiceDirectory& dir, const std::string& id, Lang l) {
    const ServiceInfo* info = dir.find(id);
    return info ? info->name.in(l) : id;
}

void print_scores(std::ostream& o, const Review& r, Lang l) {
    const auto& dir = *r.directory;
    const auto& scores = r.evaluation.scores;
    o << ui("scores", l) << " (" << ui("scores_rule", l) << ")\n";
    TextTable t(
        {"", ui("category", l), ui("counted", l), ui("as_is", l), ui("to_be", l), ui("gap", l)},
        {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right},
        {0, 44, 0, 0, 0, 0});
    for (const auto& [id, agg] : scores.categories) {
        const CatalogueNode* c = dir.catalogue().find(id);
        t.add({id, c->name.in(l), std::to_string(agg.counted), mean(agg, agg.as_is),
               mean(agg, agg.to_be), mean(agg, agg.gap())});
    }
    t.separator();
    const Aggregate& all = scores.overall;
    t.add({"", ui("overall", l), std::to_string(all.counted), mean(all, all.as_is),
           mean(all, all.to_be), mean(all, all.gap())});
    o << t.render();
    o << "  " << ui("by_phase", l) << ":";
    for (const auto& [phase, agg] : scores.phases)
        o << "  " << display_name(phase).in(l) << " " << mean(agg, agg.as_is) << " → "
          << mean(agg, agg.to_be);
    o << "\n\n";
}

void print_findings(std::ostream& o, const Review& r, Lang l) {
    for (EvaluationKind kind : kAllEvaluationKinds) {
        auto findings = r.evaluation.of_kind(kind);
        o << display_name(kind).in(l) << " (" << findings.size() << " " << ui("findings", l)
          << ")\n";
        if (findings.empty()) {
            o << "  " << ui("no_findings", l) << "\n\n";
            continue;
        }
        TextTable t(
            {ui("severity", l), ui("service", l), ui("name", l), ui("level", l), ui("finding", l)},
            {}, {0, 0, 34, 0, 0});
        for (const Finding* f : findings)
            t.add({display_name(f->severity).in(l), f->service_id,
                   service_label(*r.directory, f->service_id, l),
                   f->level ? display_name(*f->level).in(l) : "-", f->message.in(l)});
        o << t.render() << "\n";
    }
}

std::string token_label(const std::string& field, const std::string& value, Lang l) {
    if (value.empty()) return "-";
    if (field == "level") return display_name(*parse_level(value)).in(l);
    if (field == "assignment") return display_name(*parse_assignment(value)).in(l);
    return value;
}

void print_changes(std::ostream& o, const Review& r, Lang l) {
    if (!r.previous) return;
    o << ui("changes_since", l) << " " << r.previous->id << " (" << r.previous->date.to_string()
      << ")\n";
    if (r.changes.empty()) {
        o << "  " << ui("no_changes", l) << "\n\n";
        return;
    }
    TextTable t({ui("service", l), ui("name", l), ui("field", l), ui("before", l), ui("after", l)},
                {}, {0, 34, 0, 0, 0});
    for (const auto& c : r.changes)
        t.add({c.service_id, service_label(*r.directory, c.service_id, l), c.field,
               token_label(c.field, c.before, l), token_label(c.field, c.after, l)});
    o << t.render() << "\n";
}

void print_due(std::ostream& o, const Review& r, Lang l) {
    o << ui("due", l) << "\n";
    if (r.due.empty()) o << "  " << ui("nothing_due", l) << "\n";
    for (const auto& d : r.due) {
        o << "  " << display_name(d.kind).in(l) << " (" << ui("last_done", l) << ": "
          << (d.last_done ? d.last_done->to_string() : ui("never", l)) << ")\n";
        for (const auto& e : d.events)
            o << "    " << e.date.to_string() << "  " << display_name(e.kind).in(l)
              << (e.note.empty() ? "" : ": " + e.note) << "\n";
        if (d.scheduled_date)
            o << "    " << ui("schedule_due", l) << " " << d.scheduled_date->to_string() << " ("
              << r.assessment->evaluation_interval_days << " " << ui("every_days", l) << ")\n";
    }
    o << "\n";
}

void print_trend(std::ostream& o, const Review& r, Lang l) {
    if (r.trends.empty() || r.trends.front().points.size() < 2) return;
    o << ui("trend", l) << "\n";
    TextTable t({ui("date", l), "", ui("as_is", l), ui("to_be", l)},
                {Align::left, Align::left, Align::right, Align::right});
    for (const auto& p : r.trends.front().points)
        t.add({p.date.to_string(), p.evaluation_id, mean(p.value, p.value.as_is),
               mean(p.value, p.value.to_be)});
    o << t.render() << "\n";
}

void print_actions(std::ostream& o, const Review& r, Lang l, bool list_drafts) {
    const auto& dir = *r.directory;
    // Open actions on the board: phase × cycle.
    std::map<std::pair<Phase, Cycle>, int> board;
    for (const auto& a : r.assessment->actions)
        if (is_open(a)) ++board[{action_phase(a, dir), a.cycle}];
    o << ui("actions", l) << " (" << ui("open_actions", l) << ")\n";
    TextTable t({ui("phase", l), display_name(Cycle::short_cycle).in(l),
                 display_name(Cycle::long_cycle).in(l)},
                {Align::left, Align::right, Align::right});
    for (Phase p : kAllPhases)
        t.add({display_name(p).in(l), std::to_string(board[{p, Cycle::short_cycle}]),
               std::to_string(board[{p, Cycle::long_cycle}])});
    o << t.render();
    o << "  " << ui("drafts", l) << ": " << r.drafts.size();
    if (!list_drafts && !r.drafts.empty()) o << " (" << ui("drafts_hint", l) << ")";
    o << "\n";
    if (list_drafts && !r.drafts.empty()) {
        TextTable d({ui("id", l), ui("phase", l), ui("cycle", l), ui("title", l)});
        for (const auto& draft : r.drafts) {
            const Action& a = draft.action;
            d.add({a.id, display_name(action_phase(a, dir)).in(l), display_name(a.cycle).in(l),
                   draft.title.in(l)});
        }
        o << d.render();
    }
    o << "\n";
}

void print_review(std::ostream& o, const Review& r, Lang l, bool list_drafts) {
    const Assessment& a = *r.assessment;
    o << ui("evaluation_of", l) << ": " << a.organisation.name << "  (" << a.catalogue_id << ", "
      << r.date.to_string() << ")\n"
      << ui("reference", l) << ": "
      << (r.evaluation.reference_template.empty() ? ui("none", l) : r.evaluation.reference_template)
      << "\n\n";
    print_scores(o, r, l);
    print_findings(o, r, l);
    print_changes(o, r, l);
    print_trend(o, r, l);
    print_due(o, r, l);
    print_actions(o, r, l, list_drafts);
    o << ui("summary", l) << ":";
    for (auto sev : {Severity::error, Severity::warning, Severity::info}) {
        o << "  " << display_name(sev).in(l) << " " << r.evaluation.count(sev);
    }
    o << "\n";
}

} // namespace

int evaluate(Context& ctx, const EvaluateOptions& opt) {
    std::ostream& err = *ctx.err;
    std::optional<Severity> fail_on;
    if (!opt.fail_on.empty()) {
        fail_on = parse_severity(opt.fail_on);
        if (!fail_on) {
            return fail(
                err, invalid("'" + opt.fail_on + "' is not " + allowed_severities(), "--fail-on"));
        }
    }
    Date date = today();
    if (!opt.date.empty()) {
        auto d = Date::parse(opt.date);
        if (!d)
            return fail(err, invalid("'" + opt.date + "' is not a date (YYYY-MM-DD)", "--date"));
        date = *d;
    }
    auto text = read_file(opt.file, err);
    if (!text) return kBadInput;
    auto read = report::read_assessment(opt.file, *text, ctx.library);
    if (!read.assessment) {
        print_errors(err, read.problems);
        return kBadInput;
    }
    const Assessment& a = *read.assessment;
    const std::string reference_id = opt.reference.empty() ? a.reference_template : opt.reference;
    auto reference = ctx.library.template_for(
        reference_id, a.catalogue_id, opt.reference.empty() ? "reference_template" : "--reference");
    if (!reference) return fail(err, reference.error());
    const auto& cat = ctx.library.catalogue(a.catalogue_id)->catalogue;
    auto directory = ServiceDirectory::build(cat, a.custom_services);
    const Review r = review(a, *directory, *reference, date);
    if (opt.json)
        *ctx.out << report::review_document(r).dump(2) << "\n";
    else
        print_review(*ctx.out, r, ctx.lang, opt.drafts);
    if (fail_on && r.evaluation.count_at_least(*fail_on) > 0) return kFindings;
    return kOk;
}

int new_assessment(Context& ctx, const NewOptions& opt) {
    std::ostream& err = *ctx.err;
    const auto* lt = ctx.library.find_template(opt.template_id);
    if (!lt) {
        return fail(err,
                    invalid("unknown template '" + opt.template_id + "'; see: cdcwb template list",
                            "--template"));
    }
    std::error_code ec;
    if (std::filesystem::exists(opt.file, ec) && !opt.force) {
        return fail(err, invalid("already exists; choose another name or pass --force", opt.file));
    }
    const auto& cat = ctx.library.catalogue(lt->tmpl.catalogue_id)->catalogue;
    auto directory = ServiceDirectory::build(cat, {});
    Assessment a;
    a.organisation.name = opt.organisation.empty() ? "My organisation" : opt.organisation;
    a.catalogue_id = cat.id();
    a.reference_template = lt->tmpl.id;
    a.services = entries_from_template(*directory, lt->tmpl);
    const std::string text = report::write_assessment(a, *directory);
    if (!write_file_atomically(opt.file, text, err)) return kBadInput;
    *ctx.out << ui("wrote", ctx.lang) << ": " << opt.file << " (" << lt->tmpl.name.in(ctx.lang)
             << ", " << a.services.size() << " " << ui("services", ctx.lang) << ")\n"
             << ui("next_steps", ctx.lang) << " " << opt.file << "\n";
    return kOk;
}

} // namespace cdcwb::cli
