// Runs SQL statements on chdb (an embedded current ClickHouse) in one session, in order, and
// prints one JSON line per statement: {"id", "ok", "error"?, "text"?} where text is the result in
// TabSeparated form. A failure does not stop the run: every statement's result is reported.
// Usage: node run-statements.js statements.json (with NODE_PATH pointing at chdb's node_modules)
'use strict';
const fs = require('fs');
const { Session } = require('chdb');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const session = new Session(input.session);
const version = String(session.query('SELECT version()', 'TabSeparated')).trim();
process.stdout.write(JSON.stringify({ id: 'version()', ok: true, text: version }) + '\n');
for (const statement of input.statements) {
  const result = { id: statement.id };
  try {
    const output = session.query(statement.sql, 'TabSeparated');
    result.ok = true;
    result.text = output === undefined || output === null ? '' : String(output);
  } catch (e) {
    result.ok = false;
    result.error = String(e && e.message ? e.message : e).slice(0, 2000);
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}
session.cleanup();
