// The client against the API's OpenAPI document (openapi.json, generated from the server by
// scripts/api-types.mjs): every request the UI's code makes names a path and a method the document
// has, and only lib/api.ts calls fetch. The calls are read from the source, so a screen that is
// never opened in a test is checked too.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import document from './openapi.json';

const src = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') && name !== 'api-types.ts' ? [path] : [];
  });
}

/** The characters of `text` from `from` on that are not inside a string literal, with their index. */
function* code(text: string, from = 0): Generator<[number, string]> {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else yield [i, c];
  }
}

/** The text from `open` (an opening bracket) to its closing bracket, exclusive. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (const [i, c] of code(text, open)) {
    if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c) && !(c === '>' && text[i - 1] === '=')) {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  throw new Error('unbalanced call at ' + text.slice(open, open + 60));
}

/** Splits at the separators not nested in brackets or strings. */
function topLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (const [i, c] of code(text)) {
    if (i < start) continue; // inside the separator just taken
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i).trim());
      start = i + separator.length;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const PARAM = '{}';

/**
 * The path templates an argument can be: '/api/v1/x' + id, orgPath(org, 'actions', id),
 * `…${id}`, a ? b : c. Anything else is null (the test then names the call).
 */
function paths(expression: string): string[] | null {
  const e = expression.trim();
  const ternary = topLevel(e, ' ? ');
  if (ternary.length === 2) {
    const branches = topLevel(ternary[1]!, ' : ');
    if (branches.length !== 2) return null;
    const [a, b] = branches.map(paths);
    return a && b ? [...a, ...b] : null;
  }
  let out = '';
  for (const part of topLevel(e, ' + ')) {
    if (/^'[^']*'$/.test(part)) {
      const literal = part.slice(1, -1);
      out += literal.split('?')[0];
      if (literal.includes('?')) break; // the query is not part of the path
    } else if (part.startsWith('orgPath(')) {
      const args = topLevel(balanced(part, part.indexOf('(')), ',');
      out += '/api/v1/orgs/' + PARAM;
      for (const arg of args.slice(1)) out += '/' + (/^'[^']*'$/.test(arg) ? arg.slice(1, -1) : PARAM);
    } else if (part.startsWith('`')) {
      out += part.slice(1, -1).replace(/\$\{[^}]*\}/g, PARAM).replace(/\?.*$/, '');
    } else if (out.endsWith('/')) {
      out += PARAM; // '/api/v1/tokens/' + token.id
    } else if (out === '') {
      return null;
    }
  }
  return out.startsWith('/') ? [out] : null;
}

interface Call {
  file: string;
  method: string;
  paths: string[] | null;
  text: string;
}

const METHODS: Record<string, string> = { get: 'GET', prefetch: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' };

/** Every call of lib/api's request functions in the file (not `.get(` of a Map). */
function callsIn(file: string): Call[] {
  const text = readFileSync(file, 'utf8');
  const imported = /import\s*\{([^}]*)\}\s*from\s*'[./]*(?:lib\/)?api(?:\.ts)?'/.exec(text);
  if (!imported && !file.endsWith(join('lib', 'api.ts'))) return [];
  const names = new Set(
    (imported?.[1] ?? '')
      .split(',')
      .map((n) => n.trim().split(/\s+as\s+/)[0]!.trim())
      .filter((n) => n in METHODS || n === 'request'),
  );
  const calls: Call[] = [];
  for (const match of text.matchAll(/(?<![.\w])(get|prefetch|post|put|patch|del|request)\s*(<)?/g)) {
    const name = match[1]!;
    if (!names.has(name)) continue;
    let at = match.index + match[0].length;
    if (match[2]) at = match.index + match[0].length - 1 + balanced(text, at - 1).length + 2;
    if (text[at] !== '(') continue; // a declaration or a mention, not a call
    const args = topLevel(balanced(text, at), ',');
    const snippet = text.slice(match.index, at + 60).split('\n')[0]!;
    if (name === 'request') {
      calls.push({ file, method: args[0]!.replace(/'/g, ''), paths: paths(args[1] ?? ''), text: snippet });
    } else if (name === 'prefetch') {
      for (const arg of args)
        if (!arg.startsWith('...')) calls.push({ file, method: 'GET', paths: paths(arg), text: snippet });
    } else {
      calls.push({ file, method: METHODS[name]!, paths: paths(args[0] ?? ''), text: snippet });
    }
  }
  return calls;
}

const documented = new Set<string>();
for (const [path, item] of Object.entries(document.paths))
  for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, PARAM)}`);

const files = sourceFiles(src);
const calls = files.flatMap(callsIn);

describe('the client and the OpenAPI document', () => {
  it('finds the calls in the source (the scan works)', () => {
    expect(calls.length).toBeGreaterThan(40);
    expect(calls.map((c) => `${c.method} ${c.paths?.[0]}`)).toContain('PUT /api/v1/orgs/{}/services/{}');
  });

  it('calls only paths and methods the document has', () => {
    const wrong = calls
      .filter((c) => c.paths !== null && c.method !== 'method')
      .flatMap((c) => c.paths!.filter((p) => !documented.has(`${c.method} ${p}`)).map((p) => `${relative(src, c.file)}: ${c.method} ${p}`));
    expect(wrong).toEqual([]);
  });

  it('builds every path so that it can be checked (a literal, orgPath or a template)', () => {
    const unreadable = calls.filter((c) => c.paths === null && !c.file.endsWith(join('lib', 'api.ts')));
    expect(unreadable.map((c) => `${relative(src, c.file)}: ${c.text}`)).toEqual([]);
  });

  it('leaves fetch to lib/api.ts', () => {
    const stray = files.filter((f) => !f.endsWith(join('lib', 'api.ts')) && /(?<![.\w])fetch\s*\(/.test(readFileSync(f, 'utf8')));
    expect(stray.map((f) => relative(src, f))).toEqual([]);
  });

  it('reads a path the document lacks as wrong (the check can fail)', () => {
    expect(paths("orgPath(org, 'nothing', id)")).toEqual(['/api/v1/orgs/{}/nothing/{}']);
    expect(documented.has('GET /api/v1/orgs/{}/nothing/{}')).toBe(false);
    expect(documented.has('DELETE /api/v1/orgs/{}/services/{}')).toBe(false);
    expect(paths("'/api/v1/users/' + encodeURIComponent(user)")).toEqual(['/api/v1/users/{}']);
    expect(paths("org === null ? '/api/v1/audit' : orgPath(org, 'audit')")).toEqual(['/api/v1/audit', '/api/v1/orgs/{}/audit']);
  });
});
