// Validates JSON files against the published schemas of the formats Scan writes, with Ajv.
// Usage: node validate-json.mjs <sarif|cyclonedx-1.5> <file.json>...
// Prints path: instancePath: message for each violation; exits 1 when any file is invalid, 2 on bad usage.
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const json = (path) => JSON.parse(readFileSync(path, 'utf8'));

// SARIF 2.1.0's schema is draft-04 (shipped in @microsoft/jest-sarif); CycloneDX 1.5's is draft-07 and refers to
// its SPDX and JSF schemas by file name (shipped in @cyclonedx/cyclonedx-library).
const validators = {
  sarif: () => {
    // The schema's language-tag pattern is valid only without the u flag.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    return ajv.compile(json(schema));
  },
  'cyclonedx-1.5': () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // Formats ajv-formats lacks; CycloneDX uses them for URLs and e-mail addresses only.
    ajv.addFormat('iri-reference', true).addFormat('idn-email', true);
    const folder = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
    for (const name of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
      ajv.addSchema(json(join(folder, name)), `http://cyclonedx.org/schema/${name}`);
    }
    return ajv.compile(json(join(folder, 'bom-1.5.SNAPSHOT.schema.json')));
  },
};

const [format, ...files] = process.argv.slice(2);
if (!validators[format] || files.length === 0) {
  console.error(`usage: node validate-json.mjs <${Object.keys(validators).join('|')}> <file.json>...`);
  process.exit(2);
}

const validate = validators[format]();
let invalid = 0;
for (const file of files) {
  let document;
  try {
    document = json(file);
  } catch (error) {
    invalid++;
    console.log(`${file}: not JSON: ${error.message}`);
    continue;
  }
  if (!validate(document)) {
    invalid++;
    for (const error of validate.errors) {
      console.log(`${file}: ${error.instancePath || '/'}: ${error.message}`);
    }
  }
}
process.exit(invalid > 0 ? 1 : 0);
