/**
 * The admin's rules and rule sets (issue 17): an empty rule set cannot silently turn sync off,
 * imports refuse what cannot be rules and save all or nothing, rule set names are unique.
 */
import assert from 'node:assert/strict';
import { eventually, untilReady } from './harness.mjs';
import {
    apex,
    builderOf,
    clickButton,
    openTab,
    dialog,
    dialogButtons,
    goAheadIfAsked,
    rulesFile,
    connectRule
} from './adminSteps.mjs';
import { pickCombobox, settle, wb } from './steps.mjs';

/** The import tab: choosing a file, and what the component said about it. */
async function importPicker(page) {
    const builder = builderOf(page);
    await openTab(builder, 'Import and export');
    const transfer = builder.locator('c-presence-sync-rule-transfer');
    const file = transfer.locator('input[type="file"]');
    const fileError = () => transfer.locator('[data-id="file-error"]').textContent();
    // Reading a file is asynchronous: wait until the component has said something about it.
    const choose = async (files, pattern) => {
        await file.setInputFiles(files);
        return eventually(
            async () => {
                const text = (
                    await transfer
                        .locator('[data-id="file-error"], [data-id="report-summary"]')
                        .allTextContents()
                ).join(' ');
                return pattern.test(text) ? text : null;
            },
            { what: `the import to answer ${pattern}` }
        );
    };
    return { transfer, choose, fileError };
}

/** A file too big, an image, a file past 500 rules: refused with their reasons, and Import stays off. */
async function refusesWhatCannotBeRules(transfer, choose, fileError) {
    await choose(
        {
            name: 'huge.json',
            mimeType: 'application/json',
            buffer: Buffer.alloc(5 * 1024 * 1024, 0x20)
        },
        /huge\.json/
    );
    assert.match(await fileError(), /^“huge\.json” is 5\.0 MB; .* Nothing was read\.$/);

    const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(64)
    ]);
    await choose({ name: 'screen.png', mimeType: 'image/png', buffer: png }, /not a text file/);
    assert.equal(
        await fileError(),
        'The file is not a text file (an image or a document, perhaps), so it cannot be a rules export. Choose the .json file Export wrote.'
    );

    const many = Array.from({ length: 600 }, (_, i) => connectRule(`Rule ${i}`, 'Lunch', 'Lunch', i + 10));
    await choose(rulesFile('many.json', many), /at most 500 rules/);
    assert.equal(
        await fileError(),
        'A rule set holds at most 500 rules, and this change would leave 604 in it. Delete rules first, or split them into several rule sets.'
    );
    assert.equal(await transfer.locator('lightning-button[data-id="import"] button').isDisabled(), true);
}

/** A mixed file: reported entry by entry, the good entries imported once, all or nothing. */
async function importsAMixedFileOnce(page, transfer, choose) {
    await choose(
        rulesFile('mixed.json', [
            connectRule('Lunch to Lunch', 'Lunch', 'Lunch', 10),
            connectRule(
                'A name far too long for the field, pasted from the long description of the new rule',
                'Lunch',
                'Lunch',
                11
            ),
            connectRule('Unknown status', 'Lunch', 'Lunch_Break', 12),
            connectRule('Busy call to Busy', 'Busy', 'Busy', 13),
            connectRule('lunch to LUNCH', 'Lunch', 'Lunch', 14)
        ]),
        /mixed\.json/
    );
    assert.equal(
        (await transfer.locator('[data-id="report-summary"]').textContent()).trim(),
        'mixed.json: entries 1 and 4 can be imported; 3 entries are left out (listed below).'
    );
    const left = await transfer.locator('[data-id="rejected"] > ul > li').allTextContents();
    assert.equal(left.length, 3);
    assert.match(
        left[0],
        /^Entry 2: “A name far too long.*The rule name has 83 characters; at most 80 fit\./
    );
    assert.match(left[1], /^Entry 3: “Unknown status”.*developer name "Lunch_Break"/);
    assert.match(left[2], /^Entry 5: “lunch to LUNCH”.*already called "lunch to LUNCH"/);

    const importButton = transfer.locator('lightning-button[data-id="import"] button');
    assert.equal((await importButton.textContent()).trim(), 'Import 2 rules, leave out 3');
    await importButton.click();
    await goAheadIfAsked(page);
    const outcome = transfer.locator('[data-id="outcome"]');
    await outcome.waitFor({ timeout: 10000 });
    assert.equal(
        (await outcome.textContent()).trim(),
        'Imported 2 rules from mixed.json: entries 1 and 4. Left out: entry 2 “A name far too long for the field, pasted from the long description of the new rule”, entry 3 “Unknown status”, entry 5 “lunch to LUNCH”. Choose another file to import more.'
    );
    assert.equal(await importButton.isDisabled(), true);
    assert.equal((await importButton.textContent()).trim(), 'Imported');
    await importButton.click({ force: true }).catch(() => undefined);
    await settle(page);
    const names = (await wb(page, () => window.workbench.rules.list())).map((r) => r.name);
    assert.equal(names.length, 6, 'the two kept rules, once');
    assert.ok(names.includes('Lunch to Lunch') && names.includes('Busy call to Busy'));
    assert.equal(
        (await transfer.locator('a[data-id="export"]').textContent()).trim(),
        'Export 6 rules as JSON'
    );
}

export const adminRuleScenarios = [
    {
        name: 'an empty rule set cannot silently turn sync off: assigning it warns, the agent configuration says it has no active rules, and the health check names the agent without Check again',
        needs: ['agent', 'ruleBuilder', 'healthCheck'],
        async run(page) {
            const builder = builderOf(page);
            const panel = builder.locator('c-presence-sync-rule-set-panel');
            await clickButton(panel, 'new-rule-set');
            await panel.locator('lightning-input[data-field="ruleSetName"] input').fill('Phone team');
            await clickButton(panel, 'submit-rule-set');
            await eventually(
                async () =>
                    (await builder.locator('c-presence-sync-rule-list [data-id="empty"]').count()) === 1,
                { what: 'the new, empty rule set to be shown' }
            );
            await openTab(builder, 'Assignments');
            const assignments = builder.locator('c-presence-sync-assignments');
            await pickCombobox(assignments.locator('lightning-combobox[data-id="search-type"]'), 'User');
            await assignments.locator('lightning-input[data-id="search-term"] input').fill('Avery');
            await clickButton(assignments, 'search');
            await assignments
                .locator('[data-id="results"] li', { hasText: 'Avery Agent' })
                .locator('button')
                .click();
            assert.match(
                await assignments.locator('[data-id="empty-warning"]').textContent(),
                /“Phone team” has no active rules: the agents assigned to it get no rules at all/
            );
            await clickButton(assignments, 'save');
            const confirm = await dialog(page);
            assert.equal(
                (await confirm.locator('lightning-modal-header').textContent()).trim(),
                'Assign “Phone team”? It has no active rules.'
            );
            assert.deepEqual(await dialogButtons(confirm), ['Cancel', 'Assign anyway']);
            await clickButton(confirm, 'confirm');

            const config = await eventually(
                async () => {
                    const c = await apex(page, 'PresenceSyncAgentController.getAgentConfiguration');
                    return c.ruleSet?.name === 'Phone team' ? c : null;
                },
                { what: 'Avery to get the Phone team rule set' }
            );
            assert.deepEqual(
                [config.ruleSet.assignedThrough, config.ruleSet.activeRuleCount, config.ruleSet.ruleCount],
                ['User', 0, 0]
            );
            // No click on Check again: the health check heard that rules changed.
            const check = page.locator('c-presence-sync-health-check li[data-id="agent-rule-sets"]');
            await eventually(async () => (await check.getAttribute('data-status')) === 'red', {
                what: 'the health check to say an agent has no active rules',
                timeoutMs: 8000
            });
            assert.match(
                await check.locator('.check-reason').textContent(),
                /1 agent gets a rule set with no active rules, so sync changes nothing for them: Avery Agent \(Phone team\)\./
            );
        }
    },
    {
        name: 'import: a file too big is refused unread, an image without echoing it, a file past 500 rules as a whole; a mixed file is reported entry by entry, saved all or nothing, and Import is spent once used',
        needs: ['agent', 'ruleBuilder'],
        async run(page) {
            const { transfer, choose, fileError } = await importPicker(page);
            await refusesWhatCannotBeRules(transfer, choose, fileError);
            await importsAMixedFileOnce(page, transfer, choose);
        }
    },
    {
        name: 'rule sets: a second one of the same name is refused as it is typed, a rule set is renamed, and deleted with its assignments moved; a rule may not take another rule’s name',
        needs: ['agent', 'ruleBuilder'],
        async run(page) {
            const builder = builderOf(page);
            const panel = builder.locator('c-presence-sync-rule-set-panel');
            await clickButton(panel, 'new-rule-set');
            await panel
                .locator('lightning-input[data-field="ruleSetName"] input')
                .fill('default presence SYNC rules');
            assert.equal(
                (await panel.locator('[data-id="name-error"]').textContent()).trim(),
                'Another rule set is already called "default presence SYNC rules". Choose another name.'
            );
            await panel.locator('lightning-input[data-field="ruleSetName"] input').fill('Chat team');
            await clickButton(panel, 'submit-rule-set');
            await eventually(
                async () =>
                    (await builder.locator('c-presence-sync-rule-list [data-id="empty"]').count()) === 1,
                {
                    what: 'the empty Chat team rule set'
                }
            );
            await clickButton(panel, 'rename-rule-set');
            await panel.locator('lightning-input[data-field="ruleSetName"] input').fill('Chat team (days)');
            await clickButton(panel, 'submit-rule-set');
            const { userId } = await apex(page, 'PresenceSyncAgentController.getAgentConfiguration');
            const data = await eventually(
                async () => {
                    const d = await apex(page, 'PresenceSyncRuleController.getRuleBuilderData');
                    return d.ruleSets.find((s) => s.name === 'Chat team (days)') ? d : null;
                },
                { what: 'the rename to reach the org' }
            );
            const chat = data.ruleSets.find((s) => s.name === 'Chat team (days)');
            await apex(page, 'PresenceSyncRuleController.saveRuleSet', {
                ruleSetJson: JSON.stringify({
                    ...chat,
                    assignments: [{ type: 'User', targetId: userId, targetName: 'Avery Agent' }]
                })
            });
            // The builder learns about the assignment as an admin would: by opening the rule set again.
            await page.reload();
            await untilReady(page);
            const reloaded = builderOf(page).locator('c-presence-sync-rule-set-panel');
            await pickCombobox(reloaded.locator('lightning-combobox[data-id="rule-set"]'), chat.id);
            await clickButton(reloaded, 'delete-rule-set');
            const form = reloaded.locator('[data-id="delete-form"]');
            assert.match(
                await form.textContent(),
                /It is assigned to 1 user\. What should happen to these assignments\?/
            );
            await clickButton(reloaded, 'confirm-delete');
            await eventually(
                async () => {
                    const c = await apex(page, 'PresenceSyncAgentController.getAgentConfiguration');
                    return (
                        c.ruleSet?.name === 'Default presence sync rules' &&
                        c.ruleSet.assignedThrough === 'User'
                    );
                },
                { what: 'Avery’s assignment to move to the default rule set' }
            );

            const again = builderOf(page);
            const [first, second] = await wb(page, () => window.workbench.rules.list());
            await again
                .locator(`li[data-rule-id="${second.id}"] lightning-button-icon[data-action="edit"] button`)
                .click();
            const editor = again.locator('c-presence-sync-rule-editor');
            await editor.locator('lightning-input[data-field="name"] input').fill(first.name.toUpperCase());
            assert.equal(
                (await editor.locator('[data-error-for="name"]').textContent()).trim(),
                `Another rule of this rule set is already called "${first.name.toUpperCase()}". Give each rule its own name.`
            );
        }
    }
];
