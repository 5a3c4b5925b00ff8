// One libFuzzer program per target: CDCWB_FUZZ_TARGET names the entry in targets.hpp.
#include "targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    cdcwb::fuzz::CDCWB_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
