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
import { runScenarios } from './harness.mjs';
import { withLwsScenarios } from './lws.mjs';
import { platformScenarios } from './platformScenarios.mjs';

const LWC_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc');
const hosted = (key) => {
    const component = HOSTED.find((c) => c.key === key);
    return existsSync(join(LWC_DIR, component.folder, `${component.folder}.ts`));
};

const scenarios = [...agentScenarios, ...builderScenarios, ...adminScenarios, ...logScenarios];

// E2E_ONLY=words runs only the scenarios whose name contains them (while working on one).
const only = process.env.E2E_ONLY ?? '';

runScenarios(
    withLwsScenarios([...scenarios, ...platformScenarios]).filter((s) => s.name.includes(only)),
    {
        noChromium:
            'E2E tests skipped: no Chromium found (install it with `apt-get install -y chromium` or set CHROMIUM_PATH).',
        starting: 'Building and starting the workbench…',
        notRun(scenario) {
            const missing = (scenario.needs ?? ['agent']).filter((key) => !hosted(key));
            return missing.length > 0 ? `${missing.join(' and ')} not written yet` : undefined;
        }
    }
);
