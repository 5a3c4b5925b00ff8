// Service scores (X.1060 9.4): 1–5 or not applicable, judged with the rubric that fits the
// assignment — one for insourced services, one for outsourced ones.
#pragma once

#include "domain/result.hpp"
#include "domain/text.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::domain {

enum class Rubric { insource, outsource };

std::string_view to_string(Rubric rubric);
const LocalizedText& display_name(Rubric rubric);

class Score {
  public:
    static constexpr int kMin = 1;
    static constexpr int kMax = 5;

    /// A score of 1–5; any other number is invalid input naming the allowed range.
    static Result<Score> points(int value);
    static Score not_applicable() { return Score(0); }
    /// "1" … "5" or "n/a".
    static Result<Score> parse(std::string_view text);

    bool applicable() const { return value_ != 0; }
    int value() const { return value_; } ///< 1–5; 0 only when not applicable
    std::string to_string() const;

    friend bool operator==(const Score&, const Score&) = default;

  private:
    explicit Score(int value) : value_(value) {}
    int value_;
};

/// As-is and to-be of one rubric. Either may be missing while the assessment is in progress.
struct ScorePair {
    std::optional<Score> as_is;
    std::optional<Score> to_be;

    bool empty() const { return !as_is && !to_be; }
    friend bool operator==(const ScorePair&, const ScorePair&) = default;
};

/// Whether a score applies to a whole pair rather than one side (n/a: the service does not apply
/// under this rubric, now or later). Set on one side, the other side must match or be empty.
bool applies_to_whole_pair(Score score);

/// A pair with a whole-pair score (n/a) on one side has the same or nothing on the other.
Status validate(const ScorePair& pair, const std::string& field);

/// The rubric's description of a score (1–5) or of n/a, in both languages.
const LocalizedText& level_text(Rubric rubric, Score score);

} // namespace cdcwb::domain
