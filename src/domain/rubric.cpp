#include "domain/rubric.hpp"

#include <array>

namespace cdcwb::domain {
namespace {

// Index 0 is n/a, 1–5 the scores. Our own wording of X.1060 table 3.
const std::array<LocalizedText, 6> kInsourceTexts{{
    {"Not applicable: decided not to run this service in-house",
     "対象外：内部では実施しないと決めている"},
    {"Not done", "実施していない"},
    {"Not documented; only the person in charge can do it",
     "文書化されておらず、担当者本人しか実施できない"},
    {"Not documented; someone else can stand in temporarily for part of the work",
     "文書化されていないが、一部の作業は他の者が一時的に代行できる"},
    {"Documented, and someone else can take over from the person in charge",
     "文書化されており、担当者以外の者が引き継げる"},
    {"The documented operation is approved by an authorised head (e.g. the CISO)",
     "文書化された運用が権限を持つ責任者（CISOなど）に承認されている"},
}};

const std::array<LocalizedText, 6> kOutsourceTexts{{
    {"Not applicable: decided not to outsource this service", "対象外：外部委託しないと決めている"},
    {"Results and reports are not checked", "結果や報告を確認していない"},
    {"Neither the service content nor its results are understood",
     "サービス内容も結果も把握できていない"},
    {"Either the service content or its results are not understood",
     "サービス内容か結果のどちらかを把握できていない"},
    {"Content and results are understood, but fall short of expectations",
     "内容と結果を把握しているが、期待には届いていない"},
    {"Content and results are understood, and meet expectations",
     "内容と結果を把握しており、期待どおりである"},
}};

const LocalizedText kInsourceName{"Insource rubric", "インソースの評価基準"};
const LocalizedText kOutsourceName{"Outsource rubric", "アウトソースの評価基準"};

} // namespace

std::string_view to_string(Rubric rubric) {
    return rubric == Rubric::insource ? "insource" : "outsource";
}

const LocalizedText& display_name(Rubric rubric) {
    return rubric == Rubric::insource ? kInsourceName : kOutsourceName;
}

Result<Score> Score::points(int value) {
    if (value < kMin || value > kMax)
        return invalid("score " + std::to_string(value) + " is out of range; use 1 to 5 or n/a");
    return Score(value);
}

Result<Score> Score::parse(std::string_view text) {
    if (text == "n/a" || text == "na" || text == "N/A") return not_applicable();
    if (text.size() == 1 && text[0] >= '0' && text[0] <= '9') return points(text[0] - '0');
    return invalid("'" + std::string(text) + "' is not a score; use 1 to 5 or n/a");
}

std::string Score::to_string() const {
    return applicable() ? std::to_string(value_) : std::string("n/a");
}

bool applies_to_whole_pair(Score score) {
    return !score.applicable();
}

Status validate(const ScorePair& pair, const std::string& field) {
    if (pair.as_is && pair.to_be &&
        applies_to_whole_pair(*pair.as_is) != applies_to_whole_pair(*pair.to_be))
        return invalid("n/a applies to the whole service: set both as_is and to_be to n/a, or "
                       "score both 1 to 5",
                       field);
    return {};
}

const LocalizedText& level_text(Rubric rubric, Score score) {
    const auto& table = rubric == Rubric::insource ? kInsourceTexts : kOutsourceTexts;
    return table[static_cast<std::size_t>(score.value())];
}

} // namespace cdcwb::domain
