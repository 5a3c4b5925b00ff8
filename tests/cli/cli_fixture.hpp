// Runs the real cdcwb binary the way a user does, from a fresh temporary folder per test.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

struct Outcome {
    int code = -1;
    std::string out;
    std::string err;
};

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("cdcwb-cli-test-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    /// Runs cdcwb with `args` (shell words) from the test's temporary folder.
    Outcome run(const std::string& args) {
        const fs::path err = dir_ / "stderr.txt";
        const std::string cmd = "cd '" + dir_.string() + "' && CDCWB_LANG= LANG=C.UTF-8 '" +
                                std::string(CDCWB_BINARY) + "' " + args + " 2>'" + err.string() +
                                "'";
        Outcome r;
        FILE* p = popen(cmd.c_str(), "r");
        if (!p) return r;
        std::array<char, 4096> buf{};
        std::size_t n;
        while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
        const int status = pclose(p);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::ifstream in(err);
        std::stringstream ss;
        ss << in.rdbuf();
        r.err = ss.str();
        return r;
    }

    std::string example() const {
        return std::string(CDCWB_SOURCE_DIR) + "/examples/example-corp.yaml";
    }

    void write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name) << text;
    }

    fs::path dir_;
};
