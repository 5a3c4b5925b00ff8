// QR codes (libqrencode) as an SVG path the web UI draws: no image, no inline style.
#pragma once

#include <string>
#include <string_view>

namespace cdcwb::http {

struct QrCode {
    int size = 0;     ///< modules per side (without the quiet zone)
    std::string path; ///< SVG path data: one rectangle per run of dark modules, in module units
};

/// `text` as a QR code (error correction level M, byte mode). Throws when it cannot be encoded.
QrCode qr_code(std::string_view text);

} // namespace cdcwb::http
