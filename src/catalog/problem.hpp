// A problem found while reading a data file: where it is (file, line), which item it concerns,
// and what is wrong. Loaders collect every problem rather than stopping at the first.
#pragma once

#include <string>
#include <vector>

namespace cdcwb::catalog {

struct Problem {
    std::string file;
    int line = 0;      ///< 1-based; 0 when unknown
    std::string id;    ///< the item concerned (a node, link or service id); may be empty
    std::string field; ///< the field concerned, e.g. "name.ja"; may be empty
    std::string message;

    /// "file:line: [id] field: message"
    std::string describe() const;
};

using Problems = std::vector<Problem>;

} // namespace cdcwb::catalog
