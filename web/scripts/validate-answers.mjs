// Validates real API exchanges against the OpenAPI document's JSON Schemas (2020-12) with Ajv.
//   node scripts/validate-answers.mjs FILE
// FILE: {"document": <the OpenAPI document>, "exchanges": [{"method", "path" (the documented
// pattern), "status", "request"?, "answer"?}]}. Each JSON request body is checked against the
// operation's requestBody schema, each JSON answer against the schema of its status (an error
// status with no schema of its own: the shared error answers). Prints one line per mismatch and
// exits 1 when there is any; used by tests/api/schema_api_test.cpp.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/validate-answers.mjs FILE');
  process.exit(2);
}
const { document, exchanges } = JSON.parse(readFileSync(file, 'utf8'));

const BASE = 'https://cdcwb.invalid/openapi/';
/** The document's local references ("#/components/…") made absolute, so Ajv resolves them. */
function absolute(schema) {
  if (Array.isArray(schema)) return schema.map(absolute);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema))
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? BASE + value : absolute(value);
  return out;
}

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
ajv.addKeyword('components'); // the document's components are only a place to refer into
ajv.addSchema({ $id: BASE, components: absolute(document.components) });

const compiled = new Map();
function validator(schema) {
  const key = JSON.stringify(schema);
  if (!compiled.has(key)) compiled.set(key, ajv.compile(absolute(schema)));
  return compiled.get(key);
}

function resolve(object) {
  if (object && typeof object.$ref === 'string') {
    const [, ...parts] = object.$ref.split('/');
    return parts.reduce((at, part) => at[part], document);
  }
  return object;
}

const problems = [];
let checked = 0;
function check(schema, value, where) {
  const validate = validator(schema);
  checked++;
  if (!validate(value))
    for (const e of validate.errors) problems.push(`${where}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

for (const x of exchanges) {
  const name = `${x.method} ${x.path} (${x.status})`;
  const operation = document.paths?.[x.path]?.[x.method.toLowerCase()];
  if (!operation) {
    problems.push(`${name}: not in the document`);
    continue;
  }
  if (x.not_json !== undefined) problems.push(`${name}: answered application/json that is not JSON: ${JSON.stringify(x.not_json).slice(0, 80)}`);
  if (x.request !== undefined) {
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (!schema) problems.push(`${name}: sent a JSON body the document does not describe`);
    else check(schema, x.request, `${name} request`);
  }
  if (x.answer !== undefined) {
    const response = resolve(operation.responses?.[String(x.status)]);
    const schema =
      response?.content?.['application/json']?.schema ?? (x.status >= 400 ? { $ref: '#/components/schemas/Error' } : null);
    if (!schema) problems.push(`${name}: answered JSON the document does not describe`);
    else check(schema, x.answer, `${name} answer`);
  }
}

for (const p of problems) console.log(p);
console.log(`${checked} bodies checked against the document, ${problems.length} mismatches`);
process.exit(problems.length > 0 ? 1 : 0);
