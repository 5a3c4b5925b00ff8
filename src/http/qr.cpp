#include "http/qr.hpp"

#include <memory>
#include <qrencode.h>
#include <stdexcept>

namespace cdcwb::http {

QrCode qr_code(std::string_view text) {
    const std::string input(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) throw std::runtime_error("the text does not fit in a QR code");
    QrCode out;
    out.size = code->width;
    const auto width = static_cast<std::size_t>(code->width);
    for (std::size_t y = 0; y < width; ++y) {
        std::size_t x = 0;
        while (x < width) {
            if (!(code->data[y * width + x] & 1)) {
                ++x;
                continue;
            }
            std::size_t run = 1;
            while (x + run < width && (code->data[y * width + x + run] & 1)) ++run;
            out.path += "M" + std::to_string(x) + " " + std::to_string(y) + "h" +
                        std::to_string(run) + "v1h-" + std::to_string(run) + "z";
            x += run;
        }
    }
    return out;
}

} // namespace cdcwb::http
