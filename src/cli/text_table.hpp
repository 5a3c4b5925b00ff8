// Plain-text tables for terminal output. Columns are measured in display cells, so Japanese
// (full-width) text lines up with English.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::cli {

/// Terminal cells a UTF-8 string takes: 2 for East Asian wide and full-width characters, else 1.
int display_width(std::string_view utf8);
/// Cuts `utf8` to at most `cells` display cells, ending with "…" when cut.
std::string truncate(std::string_view utf8, int cells);

class TextTable {
  public:
    enum class Align { left, right };

    /// `max_widths[i]` > 0 caps column i (longer cells are truncated); 0 means no cap.
    TextTable(std::vector<std::string> headers, std::vector<Align> aligns = {},
              std::vector<int> max_widths = {});
    void add(std::vector<std::string> row);
    void separator();
    std::string render(std::string_view indent = "  ") const;

  private:
    std::vector<std::string> headers_;
    std::vector<Align> aligns_;
    std::vector<int> max_;
    std::vector<std::vector<std::string>> rows_; ///< an empty row is a separator
};

} // namespace cdcwb::cli
