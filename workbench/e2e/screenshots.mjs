/**
 * Screenshots for the docs (`node workbench/e2e/screenshots.mjs`): plays a short scenario in the
 * workbench (a Connect change synced to Omni-Channel, then a call during which Omni-Channel
 * changes) and saves the workbench, the agent component, the rule builder, the health check and
 * the log reader under docs/images/ (named workbench-*.png, beside the other engineers' images).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../build.mjs';
import { findChromium, openWorkbench, startEnvironment } from './harness.mjs';

const IMAGES = join(ROOT, 'docs', 'images');

async function main() {
    if (!findChromium()) {
        console.error('Screenshots need Chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');
        process.exit(1);
    }
    mkdirSync(IMAGES, { recursive: true });
    const environment = await startEnvironment();
    try {
        await environment.post('/workbench/reset');
        const { page, context } = await openWorkbench(environment, {
            viewport: { width: 1440, height: 1000 }
        });
        await page.evaluate(async () => {
            const wb = window.workbench;
            await wb.connect.setState('Available');
            await wb.settle();
            await wb.connect.setState('PendingBusy');
            await wb.connect.setState('Busy');
            await wb.settle();
            await wb.omni.setStatus('Working_Media');
            await wb.settle();
        });
        const reader = page.locator('c-presence-sync-log-reader');
        await reader.locator('lightning-input.agent-search input').fill('Avery');
        await reader.locator('button.agent-option', { hasText: 'Avery Agent' }).click();
        await reader.locator('lightning-button', { hasText: 'Show log' }).locator('button').click();
        await reader.locator('li.correlation').first().waitFor({ timeout: 10000 });
        await page.locator('c-presence-sync-health-check').waitFor();
        await page.waitForTimeout(500);

        // Tall enough for the whole page: the fixed utility bar then sits below every component.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: 1440, height });
        const shots = [
            ['workbench-agent.png', '#wb-agent'],
            ['workbench-rule-builder.png', '#wb-rule-builder'],
            ['workbench-health-check.png', '#wb-health-check'],
            ['workbench-log-reader.png', '#wb-log-reader']
        ];
        for (const [file, selector] of shots) {
            await page.locator(selector).screenshot({ path: join(IMAGES, file) });
            console.log(`docs/images/${file}`);
        }
        await page.screenshot({ path: join(IMAGES, 'workbench.png') });
        console.log('docs/images/workbench.png');
        await context.close();
    } finally {
        await environment.close();
    }
}

main().catch((error) => {
    console.error(error.stack ?? error);
    process.exit(1);
});
