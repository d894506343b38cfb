/**
 * Static checks for the Apex in force-app: PMD through the Salesforce Code Analyzer libraries
 * (the `sf code-analyzer` plugin does not install offline). Fails on any finding tagged
 * Security and on any finding of severity 1 (critical) or 2 (high) among the Recommended rules.
 * Severity 3–5 findings are printed as advice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apexRoot = path.join(root, 'force-app');

// The engines' working folders go to a temporary folder that is removed at the end, never into the project.
const workingFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'presence-sync-pmd-'));
process.on('exit', () => fs.rmSync(workingFolder, { recursive: true, force: true }));
const config = CodeAnalyzerConfig.fromObject({ root_working_folder: workingFolder }, root);
const analyzer = new CodeAnalyzer(config);
analyzer.onEvent(EventType.LogEvent, (event) => {
    if (event.logLevel <= LogLevel.Error) {
        console.error(`[${event.source}] ${event.message}`);
    }
});
await analyzer.addEnginePlugin(createEnginePlugin());

const workspace = await analyzer.createWorkspace([apexRoot]);
const selection = await analyzer.selectRules(['pmd:Security', 'pmd:Recommended'], { workspace });
if (selection.getCount() === 0) {
    console.error('check-apex: no PMD rules were selected; the analyzer setup is broken.');
    process.exit(1);
}
const results = await analyzer.run(selection, { workspace });

const failing = [];
const advice = [];
for (const violation of results.getViolations()) {
    const rule = violation.getRule();
    const location = violation.getPrimaryLocation();
    const file = location.getFile() ? path.relative(root, location.getFile()) : '(unknown file)';
    const line = `${file}:${location.getStartLine() ?? '?'} ${rule.getName()} (sev ${rule.getSeverityLevel()}): ${violation.getMessage().trim()}`;
    const isSecurity = rule.getTags().includes('Security');
    if (isSecurity || rule.getSeverityLevel() <= 2) {
        failing.push(line);
    } else {
        advice.push(line);
    }
}

if (advice.length > 0) {
    console.log(`Advice (severity 3–5, not failing):\n  ${advice.join('\n  ')}`);
}
if (failing.length > 0) {
    console.error(
        `check-apex: ${failing.length} security or high-severity finding(s):\n  ${failing.join('\n  ')}`
    );
    process.exit(1);
}
console.log(`check-apex: ${selection.getCount()} PMD rules, no security or severity 1–2 findings.`);
