#include "cli/files.hpp"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace cdcwb::cli {

std::optional<std::string> read_file(const std::string& path, std::ostream& err) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        err << "error: " << path << ": is a folder, not a file\n";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "error: " << path << ": cannot open the file\n";
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool write_file_atomically(const std::string& path, std::string_view text, std::ostream& err) {
    std::error_code ec;
    const std::filesystem::path target(path);
    const std::filesystem::path tmp = target.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            err << "error: " << path << ": cannot write the file\n";
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    std::filesystem::rename(tmp, target, ec);
    if (ec) {
        err << "error: " << path << ": " << ec.message() << "\n";
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

} // namespace cdcwb::cli
