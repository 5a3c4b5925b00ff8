#include "report/export.hpp"

#include "report/assessment_file.hpp"

namespace cdcwb::report {

domain::Result<std::string> export_organisation(store::Store& store, std::string_view slug) {
    auto state = store.organisations.load(slug);
    if (!state) return state.error();
    auto directory = store.organisations.directory_of(slug);
    if (!directory) return directory.error();
    return write_assessment(state->assessment(), **directory);
}

} // namespace cdcwb::report
