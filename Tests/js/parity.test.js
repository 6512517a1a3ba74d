// The shared case table (Tests/Cases/eligibility.json), worked out by hand from the notice, run through
// the site's calculator: every field a case expects must come out of eligibility.js exactly as from
// the Swift engine's own run of the table.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { evaluate, loadRules, loadCases } = require('./support.js');

const rules = loadRules();
const cases = loadCases();

test('the case table is loaded', () => {
  assert.ok(cases.length >= 50, `only ${cases.length} cases`);
});

for (const item of cases) {
  test(item.name, () => {
    const verdict = evaluate(rules, item.input);
    const expect = item.expect;
    assert.equal(verdict.status, expect.status);
    for (const key of ['window', 'threshold', 'national', 'field', 'notice']) {
      if (key in expect) assert.equal(verdict[key], expect[key], key);
    }
    if ('clauses' in expect) assert.deepEqual(verdict.clauses, expect.clauses);
    assert.ok(verdict.reasons.length > 0, 'every verdict explains itself');
    // Braces a candidate typed (a score "{index}") are reported verbatim; any other brace is an unfilled slot.
    const input = item.input;
    const typed = [input.exam, input.session, input.level, input.category, input.now].concat(input.scores || [])
      .filter((t) => typeof t === 'string' && /[{}]/.test(t));
    for (const reason of verdict.reasons) {
      const rest = typed.reduce((text, t) => text.split(t).join(''), reason);
      assert.ok(!/[{}]/.test(rest), `unfilled slot in: ${reason}`);
    }
  });
}
