// cdcwb: the CDC Workbench command line.
#include "cli/app.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    try {
        return cdcwb::cli::run(argc, argv, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        return 3;
    }
}
