import { describe, expect, it } from 'vitest';
import { fold, foldWithMap, highlight, matchRanges, Rank, search, snippet, terms, type Searchable } from './search';

// A slice of the two real catalogues (names and aliases as the server sends them).
const items: Searchable[] = [
  { id: 'A', name: { en: 'Strategic management of CDC', ja: 'CDCの戦略マネジメント' }, description: { en: 'Sets the direction for the whole CDC.', ja: 'CDC全体の方向性を定める。' }, aliases: ['CDC/CSCの戦略マネジメント'] },
  { id: 'A-1', name: { en: 'Risk management', ja: 'リスクマネジメント' }, description: { en: 'Identifies cyber risks and tracks them.', ja: 'サイバーリスクを特定し追跡する。' }, aliases: [] },
  { id: 'A-10', name: { en: 'Security audit', ja: 'セキュリティ監査' }, description: { en: 'Checks controls against A-1 decisions.', ja: '管理策を監査する。' }, aliases: [] },
  { id: 'A-4', name: { en: 'Policy management', ja: 'ポリシー管理' }, description: { en: 'Keeps policies current.', ja: 'ポリシーを維持する。' }, aliases: ['ポリシーの管理'] },
  { id: 'B-1', name: { en: 'Real-time asset monitoring', ja: 'リアルタイム監視' }, description: { en: 'Watches event data continuously.', ja: 'イベントを継続的に監視する。' }, aliases: ['リアルタイム基本分析'] },
  { id: 'D-3', name: { en: 'Incident classification', ja: 'インシデント分類' }, description: { en: 'Sorts incidents by kind and priority (triage).', ja: 'インシデントを種別と優先度で分ける。' }, aliases: [] },
  { id: '1.1.1', name: { en: 'Incident Validation and Triage', ja: 'インシデントの検証と分類' }, description: { en: 'Checks whether a report really describes an incident.', ja: '報告が本当にインシデントかどうかを確かめる。' }, aliases: [] },
  { id: '2.1', name: { en: 'Artifact Analysis', ja: 'アーティファクト分析' }, description: { en: 'Examines malware and other artifacts.', ja: 'マルウェアなどを調べる。' }, aliases: [] },
  { id: '3.1', name: { en: 'Risk Assessment', ja: 'リスクアセスメント' }, description: { en: 'Determines security risks.', ja: 'リスクを把握する。' }, aliases: ['2.4'] },
  { id: '5.3', name: { en: 'Information Sharing and Publications', ja: '情報共有・開示' }, description: { en: 'Publishes advisories.', ja: '注意喚起を公開する。' }, aliases: ['2.13.3'] },
];

const ids = (query: string) => search(items, query).map((h) => h.id);

describe('fold', () => {
  it('makes full-width and half-width forms, case and dashes equal', () => {
    expect(fold('Ａ－１')).toBe('a-1');
    expect(fold('A−1')).toBe('a-1'); // minus sign
    expect(fold('A‐1')).toBe('a-1'); // hyphen
    expect(fold('ＴＲＩＡＧＥ')).toBe('triage');
    expect(fold('２．４')).toBe('2.4');
  });

  it('makes katakana and hiragana equal, half-width katakana included', () => {
    expect(fold('インシデント')).toBe(fold('いんしでんと'));
    expect(fold('ｲﾝｼﾃﾞﾝﾄ')).toBe(fold('インシデント'));
    expect(fold('ガ')).toBe(fold('ｶﾞ'));
  });

  it('keeps the long-vowel mark, which is not a dash', () => {
    expect(fold('サーバー')).toContain('ー');
    expect(fold('サーバー')).not.toContain('-');
  });

  it('makes the middle dots of PDFs and of half-width text equal to ・', () => {
    expect(fold('情報共有·開示')).toBe(fold('情報共有・開示')); // U+00B7, as PDFs paste it
    expect(fold('情報共有･開示')).toBe(fold('情報共有・開示')); // U+FF65, half-width
    expect(fold('a·b')).toBe('a・b');
  });

  it('turns any space into one plain space', () => {
    expect(fold('a\u3000b')).toBe('a b');
  });

  it('maps every folded unit back to the original', () => {
    const f = foldWithMap('ｶﾞ１x');
    expect(f.text).toBe(fold('ガ1x'));
    // The last unit ("x") comes from the last original character.
    expect(f.starts[f.text.length - 1]).toBe(3);
    expect(f.ends[f.text.length - 1]).toBe(4);
  });
});

describe('terms', () => {
  it('splits at half-width and full-width spaces and drops empty ones', () => {
    expect(terms('  Incident\u3000ＴＲＩＡＧＥ ')).toEqual(['incident', 'triage']);
    expect(terms('   ')).toEqual([]);
  });
});

describe('search', () => {
  it('finds nothing for an empty query', () => {
    expect(search(items, '')).toEqual([]);
  });

  it('puts the exact id first, then ids that start with it', () => {
    const found = ids('A-1');
    expect(found[0]).toBe('A-1');
    expect(found[1]).toBe('A-10');
    // A-10's description mentions A-1 but it is already found by its id; nothing else matches.
    expect(found).toHaveLength(2);
  });

  it('finds an id typed in full-width characters', () => {
    expect(ids('Ａ－１')[0]).toBe('A-1');
  });

  it('never matches an id in the middle', () => {
    // "1.1" is inside "1.1.1" at the start (a prefix) but not inside "2.1"… nor "5.3" via "2.13.3".
    expect(ids('1.1')).toEqual(['1.1.1']);
  });

  it('finds an item by an alias of the translation numbering, and that before anything else', () => {
    const hits = search(items, '2.4');
    expect(hits[0]).toMatchObject({ id: '3.1', best: 'alias', rank: Rank.aliasExact });
  });

  it('finds an item by its ISOG-J alias, in hiragana too', () => {
    expect(ids('基本分析')).toEqual(['B-1']);
    expect(ids('りあるたいむ基本')).toEqual(['B-1']);
  });

  it('finds a category by its ISOG-J alias', () => {
    expect(ids('CDC/CSCの戦略')).toEqual(['A']);
    expect(search(items, 'CDC/CSCの戦略マネジメント')[0]).toMatchObject({ id: 'A', best: 'alias', rank: Rank.aliasExact });
  });

  it('finds a name written with ・ when the query has the middle dot of a PDF', () => {
    expect(ids('共有·開示')).toEqual(['5.3']);
  });

  it('searches both languages whatever the query language', () => {
    expect(ids('インシデント')).toEqual(['D-3', '1.1.1']);
    expect(ids('いんしでんと')).toEqual(['D-3', '1.1.1']);
    expect(ids('triage')[0]).toBe('1.1.1'); // in the name
    expect(ids('triage')).toContain('D-3'); // in the description only
  });

  it('ranks a name above a description', () => {
    const hits = search(items, 'triage');
    expect(hits.map((h) => h.id)).toEqual(['1.1.1', 'D-3']);
    expect(hits[0]!.best).toBe('name.en');
    expect(hits[1]!.best).toBe('description.en');
  });

  it('ranks a word start above a match inside a word', () => {
    // "management" starts a word in "Risk management" and "Policy management", is inside none.
    expect(ids('manage')).toEqual(['A', 'A-1', 'A-4']);
  });

  it('needs every term to match, each anywhere', () => {
    expect(ids('risk assessment')).toEqual(['3.1']);
    expect(ids('リスク assessment')).toEqual(['3.1']);
    expect(ids('risk nothing-like-this')).toEqual([]);
  });

  it('records every field that matched', () => {
    const hit = search(items, 'リスクマネジメント')[0]!;
    expect(hit.id).toBe('A-1');
    expect(hit.fields).toContain('name.ja');
  });
});

describe('highlighting', () => {
  it('marks the matches in the original text, whatever its width', () => {
    expect(highlight('Incident Validation and Triage', terms('TRIAGE'))).toEqual([
      { text: 'Incident Validation and ', match: false },
      { text: 'Triage', match: true },
    ]);
    expect(highlight('ＡＢＣ-1', terms('b'))).toEqual([
      { text: 'Ａ', match: false },
      { text: 'Ｂ', match: true },
      { text: 'Ｃ-1', match: false },
    ]);
  });

  it('marks the original ・ found by a query with ·', () => {
    expect(highlight('情報共有・開示', terms('共有·開示'))).toEqual([
      { text: '情報', match: false },
      { text: '共有・開示', match: true },
    ]);
  });

  it('marks katakana found by a hiragana query', () => {
    expect(highlight('インシデントの検証', terms('しでんと'))).toEqual([
      { text: 'イン', match: false },
      { text: 'シデント', match: true },
      { text: 'の検証', match: false },
    ]);
  });

  it('merges overlapping matches of several terms', () => {
    expect(matchRanges('abcdef', ['bcd', 'cde'])).toEqual([[1, 5]]);
    expect(matchRanges('abcabc', ['b'])).toEqual([[1, 2], [4, 5]]);
  });

  it('returns the text unmarked when nothing matches', () => {
    expect(highlight('abc', ['x'])).toEqual([{ text: 'abc', match: false }]);
    expect(highlight('', ['x'])).toEqual([]);
  });

  it('cuts a snippet around the first match', () => {
    const text = 'a'.repeat(100) + 'needle' + 'b'.repeat(100);
    const s = snippet(text, ['needle'], 10);
    expect(s).toBe('…' + 'a'.repeat(10) + 'needle' + 'b'.repeat(10) + '…');
    expect(snippet('short', ['x'])).toBe('short');
  });
});
