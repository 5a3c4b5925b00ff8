#include "domain/catalogue.hpp"

#include <array>

namespace cdcwb::domain {

std::string_view to_string(NodeKind kind) {
    switch (kind) {
    case NodeKind::category: return "category";
    case NodeKind::service: return "service";
    case NodeKind::area: return "area";
    case NodeKind::function: return "function";
    case NodeKind::internal: return "internal";
    }
    return "service";
}

std::optional<NodeKind> parse_node_kind(std::string_view token) {
    for (auto k : {NodeKind::category, NodeKind::service, NodeKind::area, NodeKind::function,
                   NodeKind::internal})
        if (to_string(k) == token) return k;
    return std::nullopt;
}

Catalogue::Catalogue(CatalogueHeader header, std::vector<CatalogueNode> nodes)
    : header_(std::move(header)), nodes_(std::move(nodes)) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) index_.emplace(nodes_[i].id, i);
}

const CatalogueNode* Catalogue::find(std::string_view id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &nodes_[it->second];
}

std::vector<const CatalogueNode*> Catalogue::children(std::string_view parent_id) const {
    std::vector<const CatalogueNode*> out;
    for (const auto& n : nodes_)
        if (n.parent == parent_id) out.push_back(&n);
    return out;
}

std::vector<const CatalogueNode*> Catalogue::of_kind(NodeKind kind) const {
    std::vector<const CatalogueNode*> out;
    for (const auto& n : nodes_)
        if (n.kind == kind) out.push_back(&n);
    return out;
}

const CatalogueNode* Catalogue::category_of(std::string_view service_id) const {
    const CatalogueNode* node = find(service_id);
    // Bounded walk: a validated catalogue has no cycles, but never loop forever on a bad one.
    for (std::size_t steps = 0; node && steps <= nodes_.size(); ++steps) {
        if (node->kind == NodeKind::category) return node;
        if (node->parent.empty()) return nullptr;
        node = find(node->parent);
    }
    return nullptr;
}

std::vector<CrosswalkLink> Crosswalk::links_from(std::string_view item_id) const {
    std::vector<CrosswalkLink> out;
    for (const auto& l : links)
        if (l.from == item_id) out.push_back(l);
    return out;
}

std::vector<CrosswalkLink> Crosswalk::links_to(std::string_view item_id) const {
    std::vector<CrosswalkLink> out;
    for (const auto& l : links)
        if (l.to == item_id) out.push_back(l);
    return out;
}

std::optional<Level> Template::level_of(std::string_view service_id) const {
    auto it = levels.find(service_id);
    if (it == levels.end()) return std::nullopt;
    return it->second;
}

} // namespace cdcwb::domain
