#include "http/answer_cache.hpp"

#include "http/compression.hpp"

namespace cdcwb::http {

namespace {

/// Bookkeeping per answer (list and map nodes, the shared pointers).
constexpr std::size_t kEntryOverhead = 256;

} // namespace

std::size_t AnswerCache::cost(const std::string& key, const Response& response) {
    std::size_t headers = 0;
    for (const auto& [name, value] : response.headers) headers += name.size() + value.size();
    // The body may get a gzip form too, never larger than the body by more than a few bytes.
    return kEntryOverhead + key.size() + headers + response.content_type.size() +
           2 * response.body_size();
}

std::optional<Response> AnswerCache::find(const std::string& key, std::int64_t version) {
    std::shared_ptr<const Response> found;
    {
        std::lock_guard lock(mutex_);
        auto it = index_.find(key);
        if (it == index_.end()) return std::nullopt;
        if (it->second->version != version) {
            erase(it->second);
            return std::nullopt;
        }
        entries_.splice(entries_.begin(), entries_, it->second);
        found = it->second->response;
    }
    return *found; // copied outside the lock; the body is shared, not copied
}

void AnswerCache::put(const std::string& key, std::int64_t version, const Response& response) {
    auto kept = std::make_shared<Response>(response);
    // Kept once and shared by every answer sent from the cache.
    if (!kept->shared_body) {
        kept->shared_body = std::make_shared<const std::string>(std::move(kept->body));
        kept->body.clear();
    }
    kept->gzip_once = std::make_shared<const GzipOnce>();
    Entry entry{key, version, kept, cost(key, *kept)};
    if (entry.bytes > max_bytes_) return;
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) erase(it->second);
    while (!entries_.empty() && bytes_ + entry.bytes > max_bytes_) erase(std::prev(entries_.end()));
    entries_.push_front(std::move(entry));
    index_.emplace(entries_.front().key, entries_.begin());
    bytes_ += entries_.front().bytes;
}

void AnswerCache::forget(std::string_view prefix) {
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
        auto next = std::next(it);
        if (std::string_view(it->key).substr(0, prefix.size()) == prefix) erase(it);
        it = next;
    }
}

std::size_t AnswerCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

std::size_t AnswerCache::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void AnswerCache::erase(std::list<Entry>::iterator it) {
    bytes_ -= it->bytes;
    index_.erase(it->key);
    entries_.erase(it);
}

std::string key_part(std::string_view text) {
    return std::to_string(text.size()) + ":" + std::string(text);
}

} // namespace cdcwb::http
