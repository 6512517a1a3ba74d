#!/usr/bin/env node
// Prints the JS calculator's verdict for each input, one JSON object per line, for the Swift parity
// test (Tests/PasslineSiteTests/EligibilityParityTests.swift), which compares them with EligibilityEngine.
//
//   node Tests/js/run-cases.js RULES_JSON INPUTS_JSON
//
// INPUTS_JSON is either the shared case table ({"cases": [{"input": …}, …]}) or a plain array of inputs.
'use strict';
const fs = require('fs');
const path = require('path');
const { evaluate } = require(path.join(__dirname, '../../Sources/PasslineSite/Assets/eligibility.js'));

const [rulesPath, inputsPath] = process.argv.slice(2);
if (!rulesPath || !inputsPath) {
  process.stderr.write('usage: node run-cases.js RULES_JSON INPUTS_JSON\n');
  process.exit(64);
}
const rules = JSON.parse(fs.readFileSync(rulesPath, 'utf8'));
const parsed = JSON.parse(fs.readFileSync(inputsPath, 'utf8'));
const inputs = Array.isArray(parsed) ? parsed : parsed.cases.map((c) => c.input);
const lines = inputs.map((input) => JSON.stringify(evaluate(rules, input)));
process.stdout.write(lines.join('\n') + (lines.length ? '\n' : ''));
