// `npm run org:setup`: a scratch org with Presence Sync and the sample configuration, ready to
// try, in one command. Each step says what it does; the first failure stops the script with
// what to do about it. Re-run against the same org with --target-org after fixing a failure.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
    StepFailure,
    fail,
    info,
    main,
    npmRun,
    parseArgs,
    plan,
    requireDevHub,
    root,
    runAnonymousApex,
    sfJson,
    sfLive,
    step
} from './lib/sf.mjs';

const require = createRequire(import.meta.url);
const { toImportTree } = require('./lib/sample-rules.js');
const { settingsApex } = require('./lib/sample-settings.js');

const USAGE = `Usage: npm run org:setup -- [options]
  --alias <name>        scratch org alias (default: presence-sync)
  --days <n>            scratch org lifetime in days, 1-30 (default: 7)
  --dev-hub <alias>     Dev Hub to use (default: the CLI's default Dev Hub)
  --target-org <alias>  skip creating a scratch org and set up this existing org instead
  --ccp-url <url>       your Amazon Connect CCP address, stored in the Presence Sync settings
  --no-open             do not open the org at the end`;

const PERMISSION_SETS = ['Presence_Sync_Admin', 'Presence_Sync_Agent'];
/** sample-config's grant of the sample presence statuses (metadata, no Apex DML). */
const SAMPLE_PERMISSION_SET = 'Presence_Sync_Sample_Statuses';
/** Each script is one transaction with one kind of DML (scripts/lint-apex.mjs checks them). */
const SAMPLE_SCRIPTS = [
    ['join-sample-presence-config.apex', 'join the sample presence configuration'],
    ['join-sample-queue.apex', 'join the sample queue']
];
const SAMPLE_RULES = join(root, 'sample-config', 'data', 'seed-rules.json');
const WORK_DIR = join(root, 'tmp', 'org-setup');

function validateOptions(options) {
    if (options.days !== undefined) {
        const days = Number(options.days);
        if (!Number.isInteger(days) || days < 1 || days > 30) {
            fail(`--days must be a whole number from 1 to 30, not "${options.days}".`);
        }
    }
    if (options['ccp-url'] !== undefined && !/^https:\/\/\S+$/.test(options['ccp-url'])) {
        fail(
            `--ccp-url must be an https address such as https://example.my.connect.aws/ccp-v2/, not "${options['ccp-url']}".`
        );
    }
}

/** Everything after the org exists: build, deploy, access, sample data, settings, open. */
function setUpOrg(org, sample, options) {
    step('Building the TypeScript and the Streams static resource');
    npmRun('build');

    step('Deploying Presence Sync (force-app)');
    sfLive(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', org, '--wait', '30']);

    step('Deploying the sample Omni-Channel configuration (sample-config)');
    info('Service channels, presence statuses, a presence configuration, a routing configuration, a queue.');
    sfLive(
        ['project', 'deploy', 'start', '--source-dir', 'sample-config', '--target-org', org, '--wait', '30'],
        {
            hint: 'Omni-Channel must be on in the org (Setup > Omni-Channel Settings > Enable Omni-Channel).'
        }
    );

    const assigned = [...PERMISSION_SETS, SAMPLE_PERMISSION_SET];
    step(`Assigning the permission sets ${assigned.join(', ')} to you`);
    info(`${SAMPLE_PERMISSION_SET} grants the sample presence statuses (servicePresenceStatusAccesses).`);
    const permsetArgs = ['org', 'assign', 'permset', '--target-org', org];
    for (const name of assigned) {
        permsetArgs.push('--name', name);
    }
    sfJson(permsetArgs, { hint: 'Were the permission sets deployed with force-app and sample-config?' });

    step('Making you a sample agent: presence configuration, then queue (one transaction each)');
    for (const [file, purpose] of SAMPLE_SCRIPTS) {
        runAnonymousApex(join('scripts', 'apex', file), org, purpose);
    }

    rmSync(WORK_DIR, { recursive: true, force: true });
    mkdirSync(WORK_DIR, { recursive: true });

    step(`Loading the ${sample.rules.length} sample rules (the CTI Adapter guide's example)`);
    const tree = toImportTree(sample);
    for (const [file, content] of Object.entries(tree.files)) {
        writeFileSync(join(WORK_DIR, file), `${JSON.stringify(content, null, 4)}\n`);
    }
    const planFile = join(WORK_DIR, 'plan.json');
    writeFileSync(planFile, `${JSON.stringify(tree.plan, null, 4)}\n`);
    const imported = sfJson(['data', 'import', 'tree', '--plan', planFile, '--target-org', org], {
        hint: 'If a rule was refused, compare sample-config/data/seed-rules.json with the rule object fields.'
    });
    info(`${imported.length} records created.`);

    step('Turning sync on for the whole org (Presence Sync Settings)');
    const settingsFile = join(WORK_DIR, 'settings.apex');
    writeFileSync(
        settingsFile,
        settingsApex({ connectStates: sample.connectStates, ccpUrl: options['ccp-url'] })
    );
    runAnonymousApex(settingsFile, org, 'save the Presence Sync settings');
    if (!options['ccp-url']) {
        info(
            'No --ccp-url given: set CCP URL in Setup > Custom Settings > Presence Sync Settings before agents sign in.'
        );
    }

    step('Opening the org in the Presence Sync Console app');
    const consolePath = 'lightning/app/c__Presence_Sync_Console';
    if (options['no-open']) {
        info(
            `Skipped (--no-open). Open it later with: sf org open --target-org ${org} --path ${consolePath}`
        );
    } else {
        sfJson(['org', 'open', '--target-org', org, '--path', consolePath]);
        info('If another app opens, pick "Presence Sync Console" in the App Launcher.');
    }
}

await main(async () => {
    if (process.argv.includes('--help')) {
        console.log(USAGE);
        return;
    }
    const options = parseArgs(process.argv.slice(2), {
        flags: ['no-open'],
        options: ['alias', 'days', 'dev-hub', 'target-org', 'ccp-url']
    });
    validateOptions(options);
    const sample = JSON.parse(readFileSync(SAMPLE_RULES, 'utf8'));
    const useExisting = options['target-org'] !== undefined;
    const org = options['target-org'] ?? options.alias ?? 'presence-sync';

    plan(10);

    step('Checking the Dev Hub');
    if (useExisting) {
        info(`Skipped: setting up the existing org "${org}".`);
        const existing = sfJson(['org', 'display', '--target-org', org], {
            timeoutSeconds: 60,
            hint: `Is "${org}" authorised and reachable? List your orgs with: sf org list`
        });
        if (existing.connectedStatus && existing.connectedStatus !== 'Connected') {
            fail(
                `Cannot reach the org "${org}" (${existing.connectedStatus}). Check your network and try again.`
            );
        }
    } else {
        const devHub = requireDevHub(options['dev-hub']);
        info(`Dev Hub: ${devHub.username} (${devHub.instanceUrl})`);
    }

    step('Creating the scratch org');
    if (useExisting) {
        info('Skipped (--target-org).');
    } else {
        const args = ['org', 'create', 'scratch', '--definition-file', 'config/project-scratch-def.json'];
        args.push('--alias', org, '--set-default', '--duration-days', options.days ?? '7', '--wait', '20');
        if (options['dev-hub']) {
            args.push('--target-dev-hub', options['dev-hub']);
        }
        info('Service Cloud, Service Console and Omni-Channel on; this takes a few minutes.');
        sfLive(args, {
            hint: 'Your Dev Hub may be out of scratch orgs for today (sf org list limits --target-org <dev hub>).'
        });
    }

    try {
        setUpOrg(org, sample, options);
    } catch (error) {
        // The org exists by now: say how to finish it rather than start over.
        if (error instanceof StepFailure) {
            error.message += `\n  Then finish this org with: npm run org:setup -- --target-org ${org}`;
        }
        throw error;
    }

    console.log(
        `\n✔ Org "${org}" is ready. Next: README.md, "Admin set-up" (CSP Trusted Site, utility item).`
    );
});
