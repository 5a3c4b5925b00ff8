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
        {"database", {"database", "データベース"}},
        {"migrated_to", {"applied schema migration", "スキーマ移行を適用"}},
        {"database_ready", {"Database ready", "データベース準備完了"}},
        {"schema_version", {"schema version", "スキーマ版"}},
        {"first_admin_hint",
         {"No users yet. Create the first administrator: cdcwb user add NAME --admin",
          "ユーザーがまだいない。最初の管理者を作成する: cdcwb user add NAME --admin"}},
        {"schema_up_to_date", {"Schema is up to date", "スキーマは最新"}},
        {"schema_migrated", {"Schema migrated to version", "スキーマを次の版に移行"}},
        {"migrations", {"migration(s)", "件の移行"}},
        {"password", {"Password", "パスワード"}},
        {"password_again", {"Password again", "パスワード（確認）"}},
        {"user_added", {"Added user", "ユーザーを追加"}},
        {"site_admin", {"Site administrator", "サイト管理者"}},
        {"user", {"User", "ユーザー"}},
        {"status", {"Status", "状態"}},
        {"created", {"Created", "作成日"}},
        {"yes", {"yes", "はい"}},
        {"enabled", {"enabled", "有効"}},
        {"disabled", {"disabled", "無効"}},
        {"password_changed", {"Password changed", "パスワードを変更"}},
        {"user_disabled", {"Disabled user", "ユーザーを無効化"}},
        {"user_enabled", {"Enabled user", "ユーザーを有効化"}},
        {"warning", {"warning", "警告"}},
        {"plain_http_on_network",
         {"listening on a network address without TLS and without --secure-cookies: passwords "
          "and session cookies would cross the network in clear text. Use --tls-cert and "
          "--tls-key, or put a TLS reverse proxy in front and pass --secure-cookies (see "
          "docs/security.md), or listen on 127.0.0.1",
          "TLS も --secure-cookies もなしにネットワーク上のアドレスで待ち受けます。パスワードと"
          "セッションクッキーが暗号化されずにネットワークを流れます。--tls-cert と --tls-key を"
          "使うか、TLS のリバースプロキシを前に置いて --secure-cookies を指定するか"
          "（docs/security.md 参照）、127.0.0.1 で待ち受けてください"}},
        {"two_factor_reset",
         {"Turned off two-factor sign-in of", "2要素サインインをオフにしたユーザー"}},
        {"sessions_ended", {"sessions ended", "件のセッションを終了"}},
        {"org_added", {"Added organisation", "組織を追加"}},
        {"catalogue", {"Catalogue", "カタログ"}},
        {"role", {"Role", "役割"}},
        {"role_granted", {"Granted", "役割を付与"}},
        {"role_revoked", {"Removed", "役割を削除"}},
        {"problems_nothing_imported",
         {"problem(s); nothing was imported", "件の問題。何も取り込んでいない"}},
        {"imported", {"Imported", "取り込んだ"}},
        {"services_count", {"services", "サービス"}},
        {"actions_count", {"actions", "アクション"}},
        {"evaluations_count", {"evaluations", "評価"}},
        {"backup_written", {"Backup written", "バックアップを作成"}},
        {"restored", {"Restored", "復元した"}},
        {"audit_site_chain", {"site-wide", "サイト全体"}},
        {"audit_records", {"records", "件"}},
        {"audit_verified", {"chain verified", "チェーン検証済み"}},
        {"audit_broken_at", {"chain broken at record", "チェーンの破損: レコード"}},
        {"audit_head", {"head", "先頭"}},
        {"wrote", {"Wrote", "作成した"}},
        {"descriptor_limit",
         {"warning: the hard limit on open files (ulimit -Hn, systemd LimitNOFILE=) leaves room "
          "for fewer connections than --max-connections; further ones are answered 503. "
          "Connections allowed:",
          "警告: 開けるファイル数のハード上限 (ulimit -Hn、systemd の LimitNOFILE=) では "
          "--max-connections より少ない接続しか保てないため、超えた接続には 503 を返す。"
          "許可する接続数:"}},
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
