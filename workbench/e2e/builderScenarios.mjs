/**
 * The admin's components with the agent: a rule built in the wizard and checked in the dry run,
 * a mapping-table row, the log reader showing the sync just played.
 */
import assert from 'node:assert/strict';
import { eventually } from './harness.mjs';
import { agentText, connectPanelSet, omniPanelSet, pickCombobox, settle, sides, wb } from './steps.mjs';

/** The admin builds "Chats fill the agent" in the wizard, and the org and the agent get it. */
async function buildInterruptibleRule(page, builder) {
    await builder.locator('lightning-button[data-id="new-rule"] button').click();
    const editor = builder.locator('c-presence-sync-rule-editor');
    const next = () => editor.locator('lightning-button[data-id="next"] button').click();
    await editor.locator('lightning-input[data-field="name"] input').fill('Chats fill the agent');
    await next();
    await editor
        .locator('lightning-radio-group[data-field="source"] label', {
            hasText: 'Salesforce Workload Changed'
        })
        .click();
    await next();
    await pickCombobox(
        editor.locator('lightning-combobox[data-field="operandA"]'),
        'SalesforceNewInterruptibleWorkloadPct'
    );
    await pickCombobox(editor.locator('lightning-combobox[data-field="comparator"]'), 'GreaterThanOrEqual');
    await pickCombobox(editor.locator('lightning-combobox[data-field="operandB"]'), 'StaticValue');
    assert.match(
        await editor.locator('[data-hint-for="operandA"]').textContent(),
        /percentage of the agent’s interruptible capacity/
    );
    await editor.locator('c-presence-sync-rule-value-field lightning-input input').fill('100');
    await next();
    await pickCombobox(
        editor.locator('c-presence-sync-rule-value-field lightning-combobox'),
        'Working - Media'
    );
    await next();
    assert.equal(
        (await editor.locator('[data-id="sentence"]').textContent()).trim(),
        'When the Omni-Channel workload changes and the new interruptible workload as a percentage of interruptible capacity is at least 100%, set the Connect agent state to Working - Media.'
    );
    await editor.locator('lightning-button[data-id="save"] button').click();
    await eventually(
        async () =>
            (await wb(page, () => window.workbench.rules.list())).some(
                (r) => r.operandA === 'SalesforceNewInterruptibleWorkloadPct' && r.operandBValue === '100'
            ),
        { what: 'the org to hold the interruptible workload rule' }
    );
    await eventually(async () => (await agentText(page, 'rule-set')).includes('5 rules'), {
        what: 'the agent to load 5 rules'
    });
}

/** Chats fill the agent's interruptible capacity: Connect follows only when it is full. */
async function fillInterruptibleCapacity(page) {
    await omniPanelSet(page, 'Available');
    assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
    const interruptible = async (workload, capacity) => {
        await page.locator('[data-id="omni-interruptible-workload-input"]').fill(String(workload));
        await page.locator('[data-id="omni-interruptible-capacity-input"]').fill(String(capacity));
        await page.locator('[data-id="omni-set-interruptible-workload"]').click();
        await settle(page);
    };
    // No interruptible capacity: there is no percentage, so the rule does not match.
    await interruptible(4, 0);
    assert.equal((await sides(page)).connect, 'Available');
    await interruptible(2, 4);
    assert.equal((await sides(page)).connect, 'Available', '50 % is not full');
    await interruptible(4, 4);
    assert.deepEqual(await sides(page), { connect: 'Working - Media', omni: 'Available' });
    assert.match(await page.locator('[data-id="omni-workload"]').textContent(), /interruptible 4 of 4/);
    const log = await wb(page, () => window.workbench.log());
    const received = log.filter(
        (e) => e.step === 'event-received' && e.eventType === 'SalesforceWorkloadChanged'
    );
    assert.deepEqual(
        received.map((e) => e.event.newInterruptibleWorkload),
        [4, 2, 4],
        'the agent received the interruptible numbers Omni-Channel sent'
    );
    const decision = log.find(
        (e) => e.step === 'decision' && e.destination === 'ConnectAgentState' && e.value === 'Working - Media'
    );
    assert.equal(decision?.ruleName, 'Chats fill the agent');
}

/** The dry run plays the same workload change and names the same rule. */
async function dryRunAgrees(builder) {
    await builder.locator('[role="tab"]', { hasText: 'Dry run' }).click();
    const dryRun = builder.locator('c-presence-sync-rule-dry-run');
    await pickCombobox(dryRun.locator('lightning-combobox[data-id="kind"]'), 'omni-workload');
    const number = (field, value) =>
        dryRun.locator(`lightning-input[data-field="${field}"] input`).fill(value);
    await number('previousInterruptibleWorkload', '3');
    await number('newInterruptibleWorkload', '3');
    await number('configuredInterruptibleCapacity', '4');
    await dryRun.locator('lightning-button[data-id="add"] button').click();
    await number('newInterruptibleWorkload', '4');
    await dryRun.locator('lightning-button[data-id="add"] button').click();
    await dryRun.locator('lightning-button[data-id="run"] button').click();
    const step = (n) => dryRun.locator(`tr[data-step="${n}"]`);
    await step(2).waitFor({ timeout: 10000 });
    assert.equal(
        (await step(1).locator('[data-id="fired"]').textContent()).trim(),
        'No rule changed anything'
    );
    assert.equal((await step(2).locator('[data-id="fired"]').textContent()).trim(), 'Chats fill the agent');
    assert.equal((await step(2).locator('[data-id="connect"]').textContent()).trim(), 'Working - Media');
}

export const builderScenarios = [
    {
        name: 'a rule on interruptible workload percent, built in the wizard, moves Connect when chats fill the agent, and the dry run agrees',
        needs: ['agent', 'ruleBuilder'],
        async run(page) {
            const builder = page.locator('c-presence-sync-rule-builder');
            await buildInterruptibleRule(page, builder);
            await fillInterruptibleCapacity(page);
            await dryRunAgrees(builder);
        }
    },
    {
        name: "a row added in the rule builder's mapping table takes effect on the agent without a reload",
        needs: ['agent', 'ruleBuilder'],
        async run(page) {
            const builder = page.locator('c-presence-sync-rule-builder');
            await builder.locator('[role="tab"]', { hasText: 'Mapping table' }).click();
            const table = builder.locator('c-presence-sync-mapping-table');
            await table.locator('lightning-button[data-id="add-row"] button').click();
            const newRow = table.locator('tr[data-row-id]').last();
            await pickCombobox(
                newRow.locator('c-presence-sync-rule-value-field').nth(0).locator('lightning-combobox'),
                'Lunch'
            );
            await pickCombobox(
                newRow.locator('c-presence-sync-rule-value-field').nth(1).locator('lightning-combobox'),
                'Lunch'
            );
            await table.locator('lightning-button[data-id="save-table"] button').click();
            await eventually(
                async () =>
                    (await wb(page, () => window.workbench.rules.list())).some(
                        (r) => r.destinationValue === 'Lunch'
                    ),
                { what: 'the org to hold the new Lunch rules' }
            );
            await eventually(async () => !(await agentText(page, 'rule-set')).includes('(4 rules)'), {
                what: 'the agent to pick up the saved rules'
            });
            await settle(page);
            await wb(page, () => window.workbench.connect.setState('Lunch'));
            await settle(page);
            assert.deepEqual(await sides(page), { connect: 'Lunch', omni: 'Lunch' });
        }
    },
    {
        name: 'the log reader shows the trace of the sync just played',
        needs: ['agent', 'logReader'],
        async run(page) {
            await connectPanelSet(page, 'Available');
            assert.deepEqual(await sides(page), { connect: 'Available', omni: 'Available' });
            const log = await wb(page, () => window.workbench.log());
            const decision = log.find(
                (e) => e.step === 'decision' && e.destination === 'SalesforceAgentState'
            );
            assert.ok(decision, `a decision in workbench.log(): ${JSON.stringify(log.map((e) => e.step))}`);
            assert.ok(
                log.some(
                    (e) =>
                        e.step === 'call-result' &&
                        e.result === 'success' &&
                        e.correlationId === decision.correlationId
                )
            );
            const reader = page.locator('c-presence-sync-log-reader');
            await reader.locator('lightning-input.agent-search input').fill('Avery');
            await reader.locator('button.agent-option', { hasText: 'Avery Agent' }).click();
            await reader.locator('lightning-button', { hasText: 'Show log' }).locator('button').click();
            const sync = reader.locator(`li.correlation[data-correlation="${decision.correlationId}"]`);
            await sync.waitFor({ timeout: 10000 });
            assert.match(await sync.textContent(), new RegExp(decision.ruleName ?? 'Available'));
        }
    }
];
