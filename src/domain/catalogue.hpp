// Catalogues as domain values: a service catalogue (X.1060, FIRST CSIRT or a user's own), a
// crosswalk between two catalogues, and a template of recommendation levels. Built by the loader
// in src/catalogue, which validates them; the domain only reads them.
#pragma once

#include "domain/quadrant.hpp"
#include "domain/text.hpp"
#include "domain/vocabulary.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cdcwb::domain {

enum class NodeKind { category, service, area, function, internal };

std::string_view to_string(NodeKind kind);
std::optional<NodeKind> parse_node_kind(std::string_view token);

struct Alias {
    std::string lang; ///< "ja", "en", or empty for a number or code
    std::string name;
    std::string source;
    friend bool operator==(const Alias&, const Alias&) = default;
};

struct Sourcing {
    SourcingAnswers answers;
    LocalizedText reason;
};

struct CatalogueNode {
    std::string id;
    NodeKind kind = NodeKind::service;
    std::string parent; ///< empty for top-level nodes
    LocalizedText name;
    LocalizedText description;
    std::vector<Alias> aliases;
    std::optional<Phase> phase;       ///< categories: the management phase they belong to
    std::optional<Sourcing> sourcing; ///< services: default answers for the quadrant advisor
};

struct CatalogueHeader {
    std::string id;
    LocalizedText title;
    std::string version;
    std::string edition_date;
    LocalizedText publisher;
    LocalizedText licence_note;
    std::vector<std::string> languages;
};

class Catalogue {
  public:
    Catalogue() = default;
    Catalogue(CatalogueHeader header, std::vector<CatalogueNode> nodes);

    const CatalogueHeader& header() const { return header_; }
    const std::string& id() const { return header_.id; }
    const std::vector<CatalogueNode>& nodes() const { return nodes_; }

    const CatalogueNode* find(std::string_view id) const;
    std::vector<const CatalogueNode*> children(std::string_view parent_id) const;
    /// The nodes of one kind, in file order.
    std::vector<const CatalogueNode*> of_kind(NodeKind kind) const;
    /// Services: the nodes an organisation can put in its catalogue (kind service).
    std::vector<const CatalogueNode*> services() const { return of_kind(NodeKind::service); }
    /// The category a service belongs to (its nearest category ancestor), or nullptr.
    const CatalogueNode* category_of(std::string_view service_id) const;

  private:
    CatalogueHeader header_;
    std::vector<CatalogueNode> nodes_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

struct CrosswalkLink {
    std::string from;
    std::string to;
    Relation relation = Relation::related;
};

struct Unmatched {
    std::string id;
    LocalizedText note;
};

struct Crosswalk {
    std::string id;
    std::string from_catalogue;
    std::string to_catalogue;
    std::string version;
    LocalizedText note;
    std::vector<CrosswalkLink> links;
    std::vector<Unmatched> unmatched_from; ///< `from` items with no counterpart
    std::vector<Unmatched> unmatched_to;   ///< `to` items with no counterpart

    std::vector<CrosswalkLink> links_from(std::string_view item_id) const;
    std::vector<CrosswalkLink> links_to(std::string_view item_id) const;
};

struct Template {
    std::string id;
    std::string catalogue_id;
    LocalizedText name;
    LocalizedText audience;
    std::map<std::string, Level, std::less<>> levels;

    std::optional<Level> level_of(std::string_view service_id) const;
};

} // namespace cdcwb::domain
