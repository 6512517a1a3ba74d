// What a candidate sees from the site's calculator, worked out from the notice of 2025-01-15:
// 一(一) 申请时间 2025年1月22日9:00至2月28日17:00; 三(一)4 2024年下半年 初、中级 39分(含), 高级 40分(含);
// 三(二)2 2024年度 通信 50分(含); the national marks (软考 45 of 75, 通信 60 of 100) from Content/exams.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const vm = require('vm');
const { spawnSync } = require('child_process');
const { evaluate, loadRules, scriptPath } = require('./support.js');

const rules = loadRules();

/** 2024下半年 高级, all three subjects between the delineated 40 and the national 45. */
function senior(overrides) {
  return Object.assign({
    exam: 'ruankao', session: '2024-H2', level: 'senior', scores: ['40', '41', '44'],
    category: 'local', now: '2025-02-10T10:00:00+08:00'
  }, overrides);
}

test('is a plain script: evaluate is a global without module support (file:// pages)', () => {
  const sandbox = {};
  vm.runInNewContext(fs.readFileSync(scriptPath, 'utf8'), sandbox);
  assert.equal(typeof sandbox.evaluate, 'function');
  assert.equal(sandbox.evaluate(rules, senior()).status, 'eligible');
});

test('the application window opens at 9:00 and still accepts at 17:00:00 Beijing time, in +08:00 and Z', () => {
  const at = (now) => evaluate(rules, senior({ now })).window;
  assert.equal(at('2025-01-22T08:59:59+08:00'), 'before');
  assert.equal(at('2025-01-22T00:59:59Z'), 'before');
  assert.equal(at('2025-01-22T09:00:00+08:00'), 'open');
  assert.equal(at('2025-01-22T01:00Z'), 'open');
  assert.equal(at('2025-02-28T17:00:00+08:00'), 'open');
  assert.equal(at('2025-02-28T09:00:00Z'), 'open');
  assert.equal(at('2025-02-28T17:00:01+08:00'), 'closed');
  assert.equal(at('2025-02-28T09:00:00.001Z'), 'closed');
  assert.equal(at('2025-02-28T11:00:00+02:00'), 'open');   // = 17:00 Beijing
  assert.equal(at('2025-02-28T11:00:01+02:00'), 'closed');
});

test('the eligible verdict states the window as the notice writes it, whatever the machine’s time zone', () => {
  const input = senior({ now: '2025-02-10T10:00:00+08:00' });
  const verdict = evaluate(rules, input);
  assert.equal(verdict.status, 'eligible');
  assert.equal(verdict.applicationStart, '2025-01-22T09:00:00+08:00');
  assert.equal(verdict.applicationEnd, '2025-02-28T17:00:00+08:00');
  assert.ok(verdict.reasons[1].includes('2025年1月22日9:00'), verdict.reasons[1]);
  assert.ok(verdict.reasons[1].includes('2025年2月28日17:00'), verdict.reasons[1]);
  const closed = evaluate(rules, senior({ now: '2025-03-01T09:00:00+08:00' }));
  assert.equal(closed.window, 'closed');
  assert.ok(closed.reasons[1].includes('2025年2月28日17:00'), closed.reasons[1]);

  // A phone set to New York or Kolkata must show Beijing dates all the same.
  const script = `const {evaluate} = require(${JSON.stringify(scriptPath)});` +
    `const rules = JSON.parse(require('fs').readFileSync(${JSON.stringify(process.env.RULES_JSON)}, 'utf8'));` +
    `process.stdout.write(JSON.stringify(evaluate(rules, ${JSON.stringify(input)})));`;
  for (const TZ of ['America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
    const run = spawnSync(process.execPath, ['-e', script], { env: Object.assign({}, process.env, { TZ }), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), verdict, TZ);
  }
});

test('thresholds are inclusive: 40 meets the 2024下半年 senior line, 39.9 and 39 do not', () => {
  assert.equal(evaluate(rules, senior({ scores: ['40', '40', '40'] })).status, 'eligible');
  const below = evaluate(rules, senior({ scores: ['39.9', '41', '39'] }));
  assert.equal(below.status, 'below-threshold');
  assert.equal(below.threshold, 40);
  assert.deepEqual(below.subjects.map((s) => s.meetsThreshold), [false, true, false]);
  assert.equal(below.reasons.length, 2, 'one reason per subject under the line');
  assert.ok(below.reasons[0].includes('39.9分'), below.reasons[0]);
  assert.ok(below.reasons[1].includes('39分'), below.reasons[1]);
  assert.ok(below.reasons[0].includes('2024年下半年') && below.reasons[0].includes('40分(含)'), below.reasons[0]);
  // Initial and intermediate levels of the same session use 39.
  const intermediate = evaluate(rules, senior({ level: 'intermediate', scores: ['39', '39.0'] }));
  assert.equal(intermediate.status, 'eligible');
  assert.equal(intermediate.threshold, 39);
});

test('scores typed as numbers or as text give the same verdict; 39.0 reads 39', () => {
  const asText = evaluate(rules, senior({ scores: ['39.0', '41.5', '44'] }));
  const asNumbers = evaluate(rules, senior({ scores: [39.0, 41.5, 44] }));
  assert.deepEqual(asNumbers, asText);
  assert.ok(asText.reasons[0].startsWith('综合知识39分'), asText.reasons[0]);
});

test('spaces a phone keyboard adds around a score are ignored; other text is not a score', () => {
  assert.equal(evaluate(rules, senior({ scores: [' 40 ', '\u300041', '44\t'] })).status, 'eligible');
  for (const typed of ['abc', '', '4e1', '+40', '.5', '40.', '1,5', '０', '\n40']) {
    const verdict = evaluate(rules, senior({ scores: ['40', typed, '44'] }));
    assert.equal(verdict.status, 'invalid-input', JSON.stringify(typed));
    assert.equal(verdict.field, 'scores');
    assert.ok(verdict.reasons[0].includes('第2个成绩'), verdict.reasons[0]);
  }
});

test('scores outside 0…full marks are refused, naming the full marks of the exam', () => {
  assert.equal(evaluate(rules, senior({ scores: ['75', '41', '44'] })).status, 'eligible', 'full marks is a score');
  for (const typed of ['-1', '76', '75.5']) {
    const verdict = evaluate(rules, senior({ scores: [typed, '41', '44'] }));
    assert.equal(verdict.status, 'invalid-input', typed);
    assert.equal(verdict.field, 'scores');
    assert.ok(verdict.reasons[0].includes('75'), verdict.reasons[0]);
  }
  const tongxin = { exam: 'tongxin', session: '2024', level: 'junior', category: 'local', now: '2025-02-10T10:00:00+08:00' };
  assert.equal(evaluate(rules, Object.assign({ scores: ['100', '50'] }, tongxin)).status, 'eligible');
  assert.equal(evaluate(rules, Object.assign({ scores: ['101', '50'] }, tongxin)).field, 'scores');
  assert.equal(evaluate(rules, Object.assign({ scores: ['49.9', '50'] }, tongxin)).status, 'below-threshold');
});

test('the senior level sits three subjects, named in the count error', () => {
  const verdict = evaluate(rules, senior({ scores: ['40', '41'] }));
  assert.equal(verdict.status, 'invalid-input');
  assert.equal(verdict.field, 'scores');
  for (const subject of ['综合知识', '案例分析', '论文']) assert.ok(verdict.reasons[0].includes(subject), verdict.reasons[0]);
});

test('an instant without an offset, or on a day that does not exist, is refused', () => {
  for (const now of ['2025-02-10T10:00', '2025-02-30T10:00+08:00', '2025-02-10T24:00+08:00', 'tomorrow']) {
    const verdict = evaluate(rules, senior({ now }));
    assert.equal(verdict.field, 'now', now);
  }
  assert.equal(evaluate(rules, senior({ now: '2025-02-10 10:00+0800' })).window, 'open');
});

test('instants before 1583 are refused, as Instant.parse refuses them (no Julian calendar on either side)', () => {
  for (const now of ['1582-10-15T00:00Z', '1500-02-29T00:00Z', '0000-01-01T00:00Z', '1582-12-31T23:59+08:00']) {
    assert.equal(evaluate(rules, senior({ now })).field, 'now', now);
  }
  // From 1583 on, any real day is an instant: long before every window, so the first round is the next to open.
  const early = evaluate(rules, senior({ session: '2023-H1', level: 'junior', scores: ['40', '40'], now: '1583-01-01T00:00+08:00' }));
  assert.equal(early.window, 'before');
  assert.equal(early.applicationStart, '2024-09-23T09:00:00+08:00');
  assert.equal(evaluate(rules, senior({ now: '1600-02-29T12:00Z' })).window, 'before', '1600 is a Gregorian leap year');
  assert.equal(evaluate(rules, senior({ now: '1700-02-29T12:00Z' })).field, 'now', '1700 is not');
});

test('sessions and levels the notice does not cover', () => {
  for (const session of ['2022-H2', '2025-H1']) {
    const verdict = evaluate(rules, senior({ session }));
    assert.equal(verdict.status, 'not-covered', session);
    assert.ok(verdict.reasons[0].includes('2024年下半年'), 'names the sessions that are covered');
  }
  const tongxinSenior = evaluate(rules, { exam: 'tongxin', session: '2024', level: 'senior', scores: ['55', '55'], category: 'local', now: '2025-02-10T10:00:00+08:00' });
  assert.equal(tongxinSenior.status, 'not-covered');
  assert.ok(tongxinSenior.reasons[0].includes('高级'), tongxinSenior.reasons[0]);
});

test('reaching the national 45 in every subject means the national certificate, not this one', () => {
  const verdict = evaluate(rules, senior({ scores: ['45', '45', '45'] }));
  assert.equal(verdict.status, 'national-pass');
  assert.equal(verdict.national, 45);
  assert.equal(evaluate(rules, senior({ scores: ['45', '45', '44.9'] })).status, 'eligible');
});

test('a candidate neither registered nor working in a delineated area may not apply', () => {
  const verdict = evaluate(rules, senior({ category: 'none' }));
  assert.equal(verdict.status, 'not-in-area');
  assert.equal(evaluate(rules, senior({ category: 'relocated' })).status, 'eligible');
});

test('evaluate leaves the rules and the input as they were', () => {
  const before = JSON.stringify(rules);
  const input = senior({ scores: [40, '41', '44'] });
  const copy = JSON.stringify(input);
  evaluate(rules, input);
  assert.equal(JSON.stringify(rules), before);
  assert.equal(JSON.stringify(input), copy);
});
