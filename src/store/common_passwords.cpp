#include "store/common_passwords.hpp"

namespace cdcwb::store {

const domain::PasswordList& common_passwords() {
    static const domain::PasswordList list = [] {
        for (const auto& file : embedded_data())
            if (file.path == "data/common-passwords.txt")
                return domain::PasswordList::parse(file.text);
        return domain::PasswordList();
    }();
    return list;
}

} // namespace cdcwb::store
