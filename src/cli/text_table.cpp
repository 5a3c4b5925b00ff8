#include "cli/text_table.hpp"

#include <algorithm>
#include <cstdint>

namespace cdcwb::cli {
namespace {

// Decodes one UTF-8 sequence at s[i]; advances i. Invalid bytes count as one cell each.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = b0 < 0x80           ? 1
              : (b0 >> 5) == 0x6  ? 2
              : (b0 >> 4) == 0xE  ? 3
              : (b0 >> 3) == 0x1E ? 4
                                  : 1;
    if (i + static_cast<std::size_t>(len) > s.size()) len = 1;
    char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
    for (int k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    i += static_cast<std::size_t>(len);
    return cp;
}

// East Asian Wide (W) and Fullwidth (F) ranges that occur in Japanese text (Unicode UAX #11).
bool wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

std::string pad(const std::string& cell, int width, TextTable::Align align) {
    const int fill = std::max(0, width - display_width(cell));
    const std::string spaces(static_cast<std::size_t>(fill), ' ');
    return align == TextTable::Align::left ? cell + spaces : spaces + cell;
}

} // namespace

int display_width(std::string_view utf8) {
    int w = 0;
    for (std::size_t i = 0; i < utf8.size();) w += wide(next_code_point(utf8, i)) ? 2 : 1;
    return w;
}

std::string truncate(std::string_view utf8, int cells) {
    if (display_width(utf8) <= cells) return std::string(utf8);
    std::string out;
    int w = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        const int cw = wide(next_code_point(utf8, i)) ? 2 : 1;
        if (w + cw > cells - 1) break;
        w += cw;
        out.append(utf8.substr(start, i - start));
    }
    return out + "…";
}

TextTable::TextTable(std::vector<std::string> headers, std::vector<Align> aligns,
                     std::vector<int> max_widths)
    : headers_(std::move(headers)), aligns_(std::move(aligns)), max_(std::move(max_widths)) {
    aligns_.resize(headers_.size(), Align::left);
    max_.resize(headers_.size(), 0);
}

void TextTable::add(std::vector<std::string> row) {
    row.resize(headers_.size());
    for (std::size_t i = 0; i < row.size(); ++i)
        if (max_[i] > 0) row[i] = truncate(row[i], max_[i]);
    rows_.push_back(std::move(row));
}

void TextTable::separator() {
    rows_.emplace_back();
}

std::string TextTable::render(std::string_view indent) const {
    std::vector<int> width(headers_.size(), 0);
    for (std::size_t i = 0; i < headers_.size(); ++i) width[i] = display_width(headers_[i]);
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size(); ++i)
            width[i] = std::max(width[i], display_width(row[i]));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out(indent);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const bool last = i + 1 == cells.size();
            out +=
                last && aligns_[i] == Align::left ? cells[i] : pad(cells[i], width[i], aligns_[i]);
            if (!last) out += "  ";
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };
    int total = 0;
    for (int w : width) total += w + 2;
    std::string out = line(headers_);
    for (const auto& row : rows_)
        out += row.empty()
                   ? std::string(indent) +
                         std::string(static_cast<std::size_t>(std::max(0, total - 2)), '-') + "\n"
                   : line(row);
    return out;
}

} // namespace cdcwb::cli
