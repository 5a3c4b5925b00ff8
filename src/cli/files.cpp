#include "cli/files.hpp"

#include "cli/context.hpp"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace cdcwb::cli {

std::optional<std::string> read_file(const std::string& path, std::ostream& err) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        print_error(err, domain::invalid("is a folder, not a file", path));
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        print_error(err, domain::invalid("cannot open the file", path));
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
            print_error(err, domain::invalid("cannot write the file", path));
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    std::filesystem::rename(tmp, target, ec);
    if (ec) {
        print_error(err, domain::invalid(ec.message(), path));
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

} // namespace cdcwb::cli
