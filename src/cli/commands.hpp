// The CLI's commands. Each parses nothing itself (app.cpp does), calls the layers below, and
// prints the result as a table or as JSON. Each returns an exit code.
#pragma once

#include "cli/context.hpp"

#include <string>

namespace cdcwb::cli {

int catalog_list(Context& ctx, bool json);
int catalog_show(Context& ctx, const std::string& id, bool json, bool full);
int crosswalk_lookup(Context& ctx, const std::string& id, const std::string& catalog_id, bool json);
int template_list(Context& ctx, bool json);
int template_show(Context& ctx, const std::string& id, bool json);

struct EvaluateOptions {
    std::string file;
    bool json = false;
    std::string fail_on; ///< "", "error", "warning" or "info"
    std::string date;    ///< "" = today
    std::string reference;
    bool drafts = false;
};
int evaluate(Context& ctx, const EvaluateOptions& options);

struct NewOptions {
    std::string file;
    std::string template_id;
    std::string organisation;
    bool force = false;
};
int new_assessment(Context& ctx, const NewOptions& options);

} // namespace cdcwb::cli
