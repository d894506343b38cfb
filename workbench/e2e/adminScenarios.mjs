/**
 * Browser scenarios of the admin's side (issue 17): rule sets that cannot silently disable sync,
 * safe bulk changes, dialogs and controls that read like the platform, the reset, the health
 * check and the layout at 1,024 px. Each one plays what a newcomer with careless input did.
 */
import assert from 'node:assert/strict';
import { eventually } from './harness.mjs';

const wb = (page, body, arg) => page.evaluate(body, arg);
const settle = (page) => wb(page, () => window.workbench.settle());
const apex = (page, endpoint, params = {}) =>
    wb(page, ([e, p]) => window.workbench.apex(e, p), [endpoint, params]);

/** Raw keys of the platform's labels, as the build printed them before it knew their words. */
const RAW_LABEL = /Lightning[A-Z][A-Za-z]*\.[a-z][A-Za-z]*/g;

function builderOf(page) {
    return page.locator('c-presence-sync-rule-builder');
}

async function clickButton(scope, id) {
    await scope.locator(`lightning-button[data-id="${id}"] button`).click();
}

async function openTab(builder, label) {
    await builder.locator('[role="tab"]', { hasText: label }).click();
}

/** Picks an option in a lightning-combobox (synthetic shadow: its parts are plain DOM). */
async function pickCombobox(combobox, value) {
    await combobox.locator('[role="combobox"]').first().click();
    await combobox.locator(`[role="option"][data-value="${value}"]`).first().click();
}

/**
 * The confirmation dialog once it is open: c-presence-sync-confirm, which the platform's overlay
 * hosts as a lightning-modal element.
 */
async function dialog(page) {
    const found = page.locator('lightning-overlay-container lightning-modal');
    await found.waitFor({ timeout: 5000 });
    return found;
}

async function dialogButtons(confirm) {
    return (await confirm.locator('lightning-modal-footer button').allTextContents()).map((t) => t.trim());
}

/** Answers the warnings question if the change raises one (it depends on the rules). */
async function goAheadIfAsked(page) {
    const confirm = page.locator('lightning-overlay-container lightning-modal');
    await page.waitForTimeout(500);
    if (await confirm.isVisible().catch(() => false)) {
        await clickButton(confirm, 'confirm');
    }
}

function rulesFile(name, rules) {
    return {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'presence-sync-rules', version: 1, rules }))
    };
}

function connectRule(name, state, status, order) {
    return {
        name,
        active: true,
        order,
        source: 'ConnectStateChange',
        operandA: 'ConnectNewState',
        comparator: 'Equal',
        operandB: 'StaticValue',
        operandBValue: state,
        destination: 'SalesforceAgentState',
        destinationValue: status
    };
}

/** Whether an element's content fits its width (nothing cut off or scrolled sideways). */
function overflowing(locator) {
    return locator.evaluateAll((elements) =>
        elements
            .filter((e) => e.scrollWidth > e.clientWidth + 1)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth} > ${e.clientWidth}`)
    );
}

export const adminScenarios = [
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

            const many = Array.from({ length: 600 }, (_, i) =>
                connectRule(`Rule ${i}`, 'Lunch', 'Lunch', i + 10)
            );
            await choose(rulesFile('many.json', many), /at most 500 rules/);
            assert.equal(
                await fileError(),
                'A rule set holds at most 500 rules, and this change would leave 604 in it. Delete rules first, or split them into several rule sets.'
            );
            assert.equal(
                await transfer.locator('lightning-button[data-id="import"] button').isDisabled(),
                true
            );

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
    },
    {
        name: "the platform's own components read in words: no raw label key on the page, in the editor or in a dialog, and a delete dialog names its action",
        needs: ['agent', 'ruleBuilder', 'healthCheck', 'logReader'],
        async run(page) {
            const builder = builderOf(page);
            await clickButton(builder, 'new-rule');
            await builder.locator('c-presence-sync-rule-editor').waitFor();
            await openTab(builder, 'Import and export');
            const first = builder.locator('c-presence-sync-rule-list li[data-rule-id]').first();
            const name = (await first.locator('[data-id="name"]').textContent()).trim();
            await openTab(builder, 'Rules');
            await clickButton(builder.locator('c-presence-sync-rule-editor'), 'cancel');
            await first.locator('lightning-button-icon[data-action="delete"] button').click();
            const confirm = await dialog(page);
            assert.equal(
                (await confirm.locator('lightning-modal-header').textContent()).trim(),
                `Delete “${name}”?`
            );
            assert.deepEqual(await dialogButtons(confirm), ['Cancel', 'Delete rule']);
            const everywhere = await page.evaluate(() => document.body.innerHTML);
            assert.deepEqual(everywhere.match(/Lightning[A-Z][A-Za-z]*\.[a-z][A-Za-z]*/g), null);
            await clickButton(confirm, 'cancel');
            await confirm.waitFor({ state: 'detached' });
            assert.equal(await builder.locator('c-presence-sync-rule-list li[data-rule-id]').count(), 4);
            assert.deepEqual((await page.evaluate(() => document.body.innerText)).match(RAW_LABEL), null);
        }
    },
    {
        name: 'a mapping-row error at 1,024 px stays inside the page, wraps, and is said once; Direction and Remove stay in view',
        needs: ['agent', 'ruleBuilder'],
        open: { viewport: { width: 1024, height: 900 } },
        async run(page) {
            const builder = builderOf(page);
            await openTab(builder, 'Mapping table');
            const table = builder.locator('c-presence-sync-mapping-table');
            await clickButton(table, 'add-row');
            const row = table.locator('tr[data-row-id]').last();
            const connect = row.locator('c-presence-sync-rule-value-field').nth(0);
            await pickCombobox(connect.locator('lightning-combobox'), '__type_another__');
            await connect
                .locator('lightning-input input')
                .fill('Break for the long Thursday training session of the whole phone team');
            await pickCombobox(
                row.locator('c-presence-sync-rule-value-field').nth(1).locator('lightning-combobox'),
                'Lunch'
            );
            await clickButton(table, 'save-table');
            const rowId = await row.getAttribute('data-row-id');
            const error = table.locator(`[data-error-row="${rowId}"]`);
            await error.waitFor();
            const text = (await error.textContent()).trim();
            assert.equal(
                text.split('is not among the Amazon Connect states listed').length,
                2,
                `said once: ${text}`
            );
            assert.deepEqual(
                await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]),
                [1024, 1024]
            );
            const remove = await row.locator('lightning-button-icon').boundingBox();
            const direction = await row.locator('lightning-combobox').last().boundingBox();
            assert.ok(remove.x + remove.width <= 1024 && direction.x + direction.width <= 1024, 'in view');
        }
    },
    {
        name: 'Reset both sides asks first and says what it clears; Cancel keeps everything; after a reset the rule builder shows the seed',
        needs: ['agent', 'ruleBuilder'],
        async run(page) {
            const builder = builderOf(page);
            await apex(page, 'PresenceSyncRuleController.saveRuleSet', {
                ruleSetJson: JSON.stringify({ name: 'Chat team', isDefault: false, assignments: [] })
            });
            const seed = await wb(page, () => window.workbench.rules.list());
            await wb(page, (rules) => window.workbench.rules.replace(rules), [
                ...seed,
                { ...connectRule('Lunch to Lunch', 'Lunch', 'Lunch', 50), id: 'mine' }
            ]);
            await page.locator('[data-id="workbench-reset"]').click();
            const resetDialog = page.locator('[data-id="workbench-reset-dialog"] section[role="dialog"]');
            await resetDialog.waitFor();
            const words = await resetDialog.textContent();
            assert.match(words, /Reset both sides\?/);
            assert.match(words, /every rule, rule set and assignment made here/);
            assert.match(words, /the log, the agents’ heartbeats/);
            assert.match(words, /Amazon Connect and Omni-Channel go Offline/);
            await page.keyboard.press('Escape');
            await resetDialog.waitFor({ state: 'detached' });
            assert.equal(
                (await wb(page, () => window.workbench.rules.list())).length,
                5,
                'Escape resets nothing'
            );

            await page.locator('[data-id="workbench-reset"]').click();
            await page.locator('[data-id="workbench-reset-cancel"]').click();
            assert.equal(
                (await wb(page, () => window.workbench.rules.list())).length,
                5,
                'Cancel resets nothing'
            );

            await page.locator('[data-id="workbench-reset"]').click();
            await page.locator('[data-id="workbench-reset-confirm"]').click();
            await resetDialog.waitFor({ state: 'detached', timeout: 10000 });
            assert.equal((await wb(page, () => window.workbench.rules.list())).length, 4);
            const data = await apex(page, 'PresenceSyncRuleController.getRuleBuilderData');
            assert.deepEqual(
                data.ruleSets.map((s) => s.name),
                ['Default presence sync rules']
            );
            await eventually(
                async () =>
                    (await builderOf(page).locator('c-presence-sync-rule-list li[data-rule-id]').count()) ===
                    4,
                { what: 'the rule builder to show the four seed rules' }
            );
            assert.equal(
                await builder.locator('c-presence-sync-rule-list', { hasText: 'Lunch to Lunch' }).count(),
                0
            );
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
            await page.evaluate(() => window.workbench.ready);
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
    },
    {
        name: 'the health check blames no permission set on a fresh start, shows the agent in sync without Check again, and fits half the page',
        needs: ['agent', 'healthCheck'],
        open: { viewport: { width: 1024, height: 900 } },
        async run(page) {
            const health = page.locator('c-presence-sync-health-check');
            const volume = health.locator('li[data-id="log-volume"]');
            await volume.waitFor();
            assert.equal(await volume.getAttribute('data-status'), 'green');
            assert.doesNotMatch(await volume.textContent(), /permission set/);
            await health.evaluate((element) => {
                element.refreshSeconds = 1;
            });
            await wb(page, () => window.workbench.connect.setState('Available'));
            await settle(page);
            const avery = health.locator('li.live-agent');
            await eventually(
                async () =>
                    (await avery.locator('[data-field="sync"]').textContent()).trim() === 'In sync' &&
                    (await avery.locator('[data-field="last-sync"]').textContent()).trim() !== 'No sync yet',
                { what: 'the live agent to show In sync and a last sync', timeoutMs: 15000 }
            );
            assert.deepEqual(await overflowing(health.locator('table, ul, .slds-card__body')), []);
            const box = await health.boundingBox();
            assert.ok(box.width < 1024 / 2, `half the page: ${box.width}`);
        }
    },
    {
        name: 'saves are confirmed, the keyboard stays in the editor, a long name is explained, wording is consistent, and the CCP panel fits at 1,024 px',
        needs: ['agent', 'ruleBuilder', 'logReader'],
        open: { viewport: { width: 1024, height: 900 } },
        async run(page) {
            const connectCard = await page.locator('#wb-connect').boundingBox();
            for (const id of ['connect-ring', 'connect-answer', 'connect-hang-up', 'connect-close-contact']) {
                const button = await page.locator(`[data-id="${id}"]`).boundingBox();
                assert.ok(
                    button.x >= connectCard.x && button.x + button.width <= connectCard.x + connectCard.width,
                    `${id} inside its card`
                );
            }
            const builder = builderOf(page);
            await clickButton(builder, 'new-rule');
            const editor = builder.locator('c-presence-sync-rule-editor');
            const nameInput = editor.locator('lightning-input[data-field="name"] input');
            await eventually(async () => nameInput.evaluate((input) => input.matches(':focus')), {
                what: 'the focus in the new rule’s name'
            });
            const long =
                'Connect agent switches to Lunch, and Omni-Channel follows to the Lunch status at once';
            await nameInput.fill(long);
            assert.equal(await nameInput.inputValue(), long, 'nothing cut');
            assert.equal(
                (await editor.locator('[data-error-for="name"]').textContent()).trim(),
                `The rule name has ${long.length} characters; at most 80 fit. Shorten it.`
            );
            await nameInput.fill('Connect agent switches to Lunch');
            await clickButton(editor, 'next');
            await eventually(
                async () => editor.locator('lightning-radio-group[data-field="source"] input:focus').count(),
                {
                    what: 'the focus on the source step'
                }
            );
            await editor
                .locator('lightning-radio-group[data-field="source"] label', {
                    hasText: 'Connect Agent State Change'
                })
                .click();
            await clickButton(editor, 'next');
            await pickCombobox(
                editor.locator('lightning-combobox[data-field="operandA"]'),
                'ConnectNewState'
            );
            await pickCombobox(editor.locator('lightning-combobox[data-field="comparator"]'), 'Equal');
            await pickCombobox(editor.locator('lightning-combobox[data-field="operandB"]'), 'StaticValue');
            await clickButton(editor, 'next');
            assert.match(
                await editor.locator('c-presence-sync-rule-value-field').first().textContent(),
                /Operand B is a Static Value but no value is entered\. Enter or pick the value/
            );
            await pickCombobox(
                editor.locator('c-presence-sync-rule-value-field lightning-combobox').first(),
                'Lunch'
            );
            await clickButton(editor, 'next');
            await clickButton(editor, 'next');
            assert.match(
                await editor.locator('c-presence-sync-rule-value-field').last().textContent(),
                /The rule does not say which Omni-Channel presence status to set\. Choose one\./
            );
            const destination = editor.locator('c-presence-sync-rule-value-field lightning-combobox').last();
            await destination.locator('[role="combobox"]').first().click();
            await eventually(
                async () =>
                    (
                        await destination
                            .locator('[role="option"]')
                            .evaluateAll((options) => options.map((o) => o.innerText))
                    ).some((t) => t.includes('Working – Phone (Working_Phone)')),
                { what: 'the status Working – Phone, by label and developer name' }
            );
            await destination.locator('[role="option"][data-value="Lunch"]').first().click();
            await clickButton(editor, 'next');
            await clickButton(editor, 'save');
            await goAheadIfAsked(page);
            const toast = page.locator('[data-id="toast"]', {
                hasText: 'Saved the new rule “Connect agent switches to Lunch”.'
            });
            await toast.waitFor({ timeout: 5000 });

            // Editing an existing rule: Save is there on the first step.
            await builder
                .locator(
                    'c-presence-sync-rule-list li[data-rule-id] lightning-button-icon[data-action="edit"] button'
                )
                .first()
                .click();
            assert.equal(await editor.locator('lightning-button[data-id="save"] button').count(), 1);
            await clickButton(editor, 'cancel');

            // Teams read as "Phone Team" with their kind beside them, not "Phone Team (Team (public group))".
            const panel = builder.locator('c-presence-sync-rule-set-panel');
            await clickButton(panel, 'new-rule-set');
            await panel.locator('lightning-input[data-field="ruleSetName"] input').fill('Phone team');
            await clickButton(panel, 'submit-rule-set');
            await builder.locator('c-presence-sync-rule-list [data-id="empty"]').waitFor();
            await openTab(builder, 'Assignments');
            const assignments = builder.locator('c-presence-sync-assignments');
            await clickButton(assignments, 'search');
            await assignments.locator('[data-id="results"] li').first().waitFor();
            const result = assignments.locator('[data-id="results"] li').first();
            assert.equal(
                (await result.textContent()).replace(/\s+/g, ' ').includes('(Team (public group))'),
                false
            );

            const reader = page.locator('c-presence-sync-log-reader');
            await reader.locator('lightning-input.agent-search input').fill('Av');
            await reader.locator('button.agent-option').first().waitFor();
            await reader.locator('lightning-input.agent-search input').press('ArrowDown');
            assert.equal(
                await reader.locator('button.agent-option:focus').count(),
                1,
                'ArrowDown reaches the suggestions'
            );
            await page.keyboard.press('Enter');
            await reader.locator('.agent-picked').waitFor();
        }
    }
];
