#include "http/router.hpp"

#include <stdexcept>

namespace cdcwb::http {

namespace {

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    while (!path.empty()) {
        if (path.front() == '/') {
            path.remove_prefix(1);
            continue;
        }
        const auto end = path.find('/');
        out.push_back(path.substr(0, end));
        if (end == std::string_view::npos) break;
        path.remove_prefix(end);
    }
    return out;
}

} // namespace

const std::string& Params::operator[](std::string_view name) const {
    static const std::string empty;
    auto it = values.find(name);
    return it == values.end() ? empty : it->second;
}

Operation operation(std::string id, Json request, Json answer, std::string answer_media,
                    std::string request_media) {
    return {std::move(id), std::move(request), std::move(answer), std::move(answer_media),
            std::move(request_media)};
}

void Router::add(Route route) {
    // The OpenAPI document names every operation: a missing or repeated id is a programming error.
    for (const auto& other : routes_)
        if (other.operation.id == route.operation.id)
            throw std::logic_error("operation id '" + route.operation.id + "' is used twice");
    if (route.operation.id.empty())
        throw std::logic_error("the route " + route.method + " " + route.pattern +
                               " has no operation id");
    std::vector<std::string> parts;
    for (auto part : segments(route.pattern)) parts.emplace_back(part);
    patterns_.push_back(std::move(parts));
    routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
    Match result;
    const auto parts = segments(path);
    for (std::size_t r = 0; r < routes_.size(); ++r) {
        const auto& route = routes_[r];
        const auto& pattern = patterns_[r];
        if (pattern.size() != parts.size()) continue;
        Params params;
        bool ok = true;
        for (std::size_t i = 0; i < parts.size() && ok; ++i) {
            const std::string_view p = pattern[i];
            if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
                std::string value;
                if (!percent_decode(parts[i], value, false) || value.empty()) {
                    result.bad_encoding = true;
                    ok = false;
                } else {
                    params.values[std::string(p.substr(1, p.size() - 2))] = std::move(value);
                }
            } else {
                ok = p == parts[i];
            }
        }
        if (!ok) continue;
        result.path_known = true;
        if (result.allowed.find(route.method) == std::string::npos)
            result.allowed += (result.allowed.empty() ? "" : ", ") + route.method;
        if (route.method == method && !result.route) {
            result.route = &route;
            result.params = std::move(params);
        }
    }
    return result;
}

} // namespace cdcwb::http
