// The web UI's API types come from the API's own OpenAPI document, never by hand:
//   node scripts/api-types.mjs CDCWB           writes src/lib/openapi.json (what `CDCWB openapi`
//                                              prints) and src/lib/api-types.ts (openapi-typescript)
//   node scripts/api-types.mjs CDCWB --check   changes nothing; fails when either file is not what
//                                              the binary makes now (ctest web.api_types)
// Both files are committed, so a fresh clone builds the web UI before the binary exists.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const [binary, flag] = process.argv.slice(2);
if (!binary || (flag && flag !== '--check')) {
  console.error('usage: node scripts/api-types.mjs PATH/TO/cdcwb [--check]');
  process.exit(2);
}
const lib = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lib');
const documentFile = join(lib, 'openapi.json');
const typesFile = join(lib, 'api-types.ts');

const document = JSON.parse(execFileSync(binary, ['openapi'], { encoding: 'utf8' }));
const documentText = JSON.stringify(document, null, 2) + '\n';
const header =
  '// Generated from openapi.json by scripts/api-types.mjs (openapi-typescript): do not edit.\n' +
  '// Regenerate with `npm run api-types -- ../build/release/cdcwb` after changing the API.\n\n';
const typesText = header + astToString(await openapiTS(document));

const stale = [];
for (const [file, text] of [
  [documentFile, documentText],
  [typesFile, typesText],
]) {
  let current = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current === text) continue;
  if (flag === '--check') stale.push(file);
  else writeFileSync(file, text);
}
if (stale.length > 0) {
  console.error(
    `not what ${binary} makes now: ${stale.join(', ')}\n` +
      'run `npm run api-types -- ../build/release/cdcwb` in web/ and commit the result',
  );
  process.exit(1);
}
