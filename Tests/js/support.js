// Shared by the JS tests: the calculator under test and the published rules it runs on.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const scriptPath = path.join(root, 'Sources/PasslineSite/Assets/eligibility.js');
const { evaluate } = require(scriptPath);

/**
 * The rules.json the Swift side published (`passline build`, or `RULES_JSON_OUT=… swift test --filter
 * EligibilityParityTests`), named by RULES_JSON. Without it there is nothing honest to test against.
 */
function loadRules() {
  const file = process.env.RULES_JSON;
  if (!file) {
    throw new Error('RULES_JSON is not set: point it at a rules.json produced from Content/ ' +
      '(e.g. `passline build --output .build/test-site` then RULES_JSON=.build/test-site/rules.json)');
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function loadCases() {
  return JSON.parse(fs.readFileSync(path.join(root, 'Tests/Cases/eligibility.json'), 'utf8')).cases;
}

module.exports = { evaluate, loadRules, loadCases, scriptPath };
