/**
 * Browser scenarios of the admin's side (issue 17): rule sets that cannot silently disable sync,
 * safe bulk changes, dialogs and controls that read like the platform, the reset, the health
 * check and the layout at 1,024 px. Each one plays what a newcomer with careless input did.
 */
import assert from 'node:assert/strict';
import { eventually } from './harness.mjs';
import {
    apex,
    RAW_LABEL,
    builderOf,
    clickButton,
    openTab,
    dialog,
    dialogButtons,
    goAheadIfAsked,
    connectRule,
    overflowing
} from './adminSteps.mjs';
import { pickCombobox, settle, wb } from './steps.mjs';
import { adminRuleScenarios } from './adminRuleScenarios.mjs';

/** At 1,024 px the CCP panel's call buttons stay inside their card. */
async function callButtonsFit(page) {
    const connectCard = await page.locator('#wb-connect').boundingBox();
    for (const id of ['connect-ring', 'connect-answer', 'connect-hang-up', 'connect-close-contact']) {
        const button = await page.locator(`[data-id="${id}"]`).boundingBox();
        assert.ok(
            button.x >= connectCard.x && button.x + button.width <= connectCard.x + connectCard.width,
            `${id} inside its card`
        );
    }
}

/** A new rule in the wizard: the focus follows the steps, a long name is explained, the save is confirmed. */
async function buildsARuleByKeyboard(page, builder) {
    await clickButton(builder, 'new-rule');
    const editor = builder.locator('c-presence-sync-rule-editor');
    const nameInput = editor.locator('lightning-input[data-field="name"] input');
    await eventually(async () => nameInput.evaluate((input) => input.matches(':focus')), {
        what: 'the focus in the new rule’s name'
    });
    const long = 'Connect agent switches to Lunch, and Omni-Channel follows to the Lunch status at once';
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
    await pickCombobox(editor.locator('lightning-combobox[data-field="operandA"]'), 'ConnectNewState');
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
}

/** An existing rule has Save on its first step; teams read as their names with their kind beside them. */
async function editsAndNamesTeams(builder) {
    const editor = builder.locator('c-presence-sync-rule-editor');
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
    assert.equal((await result.textContent()).replace(/\s+/g, ' ').includes('(Team (public group))'), false);
}

/** The log reader's agent suggestions are reached with the arrow keys. */
async function readerKeyboard(page) {
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

export const adminScenarios = [
    ...adminRuleScenarios,
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
            await callButtonsFit(page);
            const builder = builderOf(page);
            await buildsARuleByKeyboard(page, builder);
            await editsAndNamesTeams(builder);
            await readerKeyboard(page);
        }
    }
];
