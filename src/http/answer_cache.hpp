// The answers of organisation reads, kept while the organisation's state is unchanged: a bound on
// the bytes kept (keys, headers, bodies and their gzip forms all count) and least-recently-used
// eviction, so no caller can grow it or push everyone else's answers out for good.
#pragma once

#include "http/message.hpp"

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cdcwb::http {

class AnswerCache {
  public:
    explicit AnswerCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    /// The answer kept under `key` if it was computed at `version`; it becomes the most recently
    /// used. An answer of another version is dropped.
    std::optional<Response> find(const std::string& key, std::int64_t version);
    /// Keeps `response` (shared with every later hit, its gzip form made once) under `key`,
    /// evicting the least recently used answers to stay within the bound. An answer larger than
    /// the whole bound is not kept.
    void put(const std::string& key, std::int64_t version, const Response& response);
    /// Forgets every answer whose key starts with `prefix`.
    void forget(std::string_view prefix);

    std::size_t bytes() const;
    std::size_t size() const;

    /// What an answer counts against the bound.
    static std::size_t cost(const std::string& key, const Response& response);

  private:
    struct Entry {
        std::string key;
        std::int64_t version = 0;
        std::shared_ptr<const Response> response;
        std::size_t bytes = 0;
    };
    void erase(std::list<Entry>::iterator it);

    std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::list<Entry> entries_; ///< most recently used first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index_; ///< keys in entries_
    std::size_t bytes_ = 0;
};

/// `text` as one unambiguous piece of a cache key: its length, ':', the text.
std::string key_part(std::string_view text);

} // namespace cdcwb::http
