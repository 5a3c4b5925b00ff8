#include "cli/messages.hpp"

#include <cassert>
#include <map>
#include <stdexcept>

namespace cdcwb::cli {
namespace {

using domain::LocalizedText;

const std::map<std::string_view, LocalizedText>& table() {
    static const std::map<std::string_view, LocalizedText> t{
        {"catalogues", {"Catalogues", "カタログ"}},
        {"crosswalks", {"Crosswalks", "クロスウォーク"}},
        {"templates", {"Templates", "テンプレート"}},
        {"id", {"ID", "ID"}},
        {"version", {"Version", "版"}},
        {"edition", {"Edition", "発行"}},
        {"services", {"Services", "サービス数"}},
        {"title", {"Title", "名称"}},
        {"name", {"Name", "名称"}},
        {"links", {"Links", "対応数"}},
        {"catalog", {"Catalogue", "カタログ"}},
        {"level", {"Level", "レベル"}},
        {"phase", {"Phase", "フェーズ"}},
        {"quadrant", {"Quadrant", "象限"}},
        {"relation", {"Relation", "関係"}},
        {"publisher", {"Publisher", "発行者"}},
        {"licence", {"Licence", "ライセンス"}},
        {"aliases", {"Also known as", "別名"}},
        {"audience", {"Who it is for", "対象"}},
        {"no_counterpart", {"No counterpart", "対応なし"}},
        {"no_links", {"No crosswalk links.", "クロスウォークの対応はない。"}},
        {"evaluation_of", {"Evaluation of", "評価対象"}},
        {"date", {"Date", "日付"}},
        {"reference", {"Reference template", "参照テンプレート"}},
        {"none", {"none", "なし"}},
        {"scores", {"Scores", "スコア"}},
        {"scores_rule",
         {"mean over services in the catalogue; n/a and unscored services are left out; Both = "
          "lower of its two scores; Unassigned = 1",
          "カタログ内サービスの平均。対象外と未採点は除く。併用は低い方、未割り当ては1"}},
        {"category", {"Category", "カテゴリー"}},
        {"counted", {"Scored", "採点数"}},
        {"as_is", {"As-is", "現状"}},
        {"to_be", {"To-be", "目標"}},
        {"gap", {"Gap", "差"}},
        {"overall", {"Overall", "全体"}},
        {"by_phase", {"By phase", "フェーズ別"}},
        {"findings", {"findings", "件"}},
        {"no_findings", {"no findings", "指摘なし"}},
        {"service", {"Service", "サービス"}},
        {"severity", {"Severity", "重要度"}},
        {"finding", {"Finding", "指摘"}},
        {"changes_since", {"Changes since", "前回評価からの変化"}},
        {"no_changes", {"no changes", "変化なし"}},
        {"field", {"Field", "項目"}},
        {"before", {"Before", "変更前"}},
        {"after", {"After", "変更後"}},
        {"due", {"Evaluations due", "実施すべき評価"}},
        {"nothing_due", {"nothing due", "なし"}},
        {"last_done", {"last done", "前回"}},
        {"never", {"never", "未実施"}},
        {"schedule_due", {"schedule: due since", "定期評価の期日"}},
        {"every_days", {"days between portfolio evaluations", "日ごとにポートフォリオ評価"}},
        {"trend", {"Trend (overall)", "推移（全体）"}},
        {"actions", {"Improvement actions", "改善アクション"}},
        {"open_actions", {"open", "未完了"}},
        {"drafts", {"Draft actions for unanswered findings", "未対応の指摘に対するアクション案"}},
        {"drafts_hint", {"list them with --drafts", "--drafts で一覧表示"}},
        {"cycle", {"Cycle", "サイクル"}},
        {"summary", {"Summary", "まとめ"}},
        {"wrote", {"Wrote", "作成した"}},
        {"next_steps",
         {"Next: set assignments and scores in the file, then run: cdcwb evaluate",
          "次に、ファイルで割り当てとスコアを設定し、cdcwb evaluate を実行する"}},
    };
    return t;
}

} // namespace

const std::string& ui(std::string_view key, domain::Lang lang) {
    auto it = table().find(key);
    if (it == table().end()) throw std::logic_error("no UI text for key " + std::string(key));
    return it->second.in(lang);
}

std::vector<std::string_view> ui_keys() {
    std::vector<std::string_view> keys;
    for (const auto& [k, _] : table()) keys.push_back(k);
    return keys;
}

} // namespace cdcwb::cli
