/**
 * Browser end-to-end tests: the real components, the real amazon-connect-streams bundle and the
 * emulators, in Debian's Chromium driven by playwright-core. Each scenario gets a fresh browser
 * context (its own page, CCP and Omni-Channel) on an org reset to the seed.
 *
 * Without a Chromium the run says it skipped and exits 0, unless PRESENCE_SYNC_REQUIRE_E2E=true.
 * The last line is always `N passed, M failed`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTED, ROOT } from '../build.mjs';
import { adminScenarios } from './adminScenarios.mjs';
import { agentScenarios } from './agentScenarios.mjs';
import { builderScenarios } from './builderScenarios.mjs';
import { logScenarios } from './logScenarios.mjs';
import { findChromium, playScenario, startEnvironment } from './harness.mjs';
import { withLwsScenarios } from './lws.mjs';
import { platformScenarios } from './platformScenarios.mjs';

const LWC_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc');
const hosted = (key) => {
    const component = HOSTED.find((c) => c.key === key);
    return existsSync(join(LWC_DIR, component.folder, `${component.folder}.ts`));
};

const scenarios = [...agentScenarios, ...builderScenarios, ...adminScenarios, ...logScenarios];

async function main() {
    const requireE2e = process.env.PRESENCE_SYNC_REQUIRE_E2E === 'true';
    if (!findChromium()) {
        const message =
            'E2E tests skipped: no Chromium found (install it with `apt-get install -y chromium` or set CHROMIUM_PATH).';
        if (requireE2e) {
            console.error(`${message} PRESENCE_SYNC_REQUIRE_E2E=true makes that a failure.`);
            console.log('0 passed, 1 failed');
            process.exit(1);
        }
        console.log(message);
        console.log('0 passed, 0 failed');
        return;
    }
    console.log('Building and starting the workbench…');
    const environment = await startEnvironment();
    let passed = 0;
    let failed = 0;
    try {
        // E2E_ONLY=words runs only the scenarios whose name contains them (while working on one).
        const only = process.env.E2E_ONLY ?? '';
        for (const scenario of withLwsScenarios([...scenarios, ...platformScenarios]).filter((s) =>
            s.name.includes(only)
        )) {
            const needs = scenario.needs ?? ['agent'];
            const missing = needs.filter((key) => !hosted(key));
            if (missing.length > 0) {
                console.log(`  - ${scenario.name}: not run, ${missing.join(' and ')} not written yet`);
                continue;
            }
            if (await playScenario(environment, scenario)) {
                passed += 1;
            } else {
                failed += 1;
            }
        }
    } finally {
        await environment.close();
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
});
