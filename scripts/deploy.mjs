// `npm run deploy`: deploys the package source (force-app) to an org. package.json runs
// `npm run build` before this script, so the compiled LWC JavaScript and the Streams static
// resource that the deploy picks up are always fresh.
import { info, main, parseArgs, plan, requireTargetOrg, sfLive, step } from './lib/sf.mjs';

const USAGE = `Usage: npm run deploy -- [options]
  --target-org <alias>   org to deploy to (default: the CLI's default org)
  --with-sample-config   also deploy sample-config (service channels, presence statuses, …)
  --run-tests            run the org's local Apex tests as part of the deploy`;

await main(async () => {
    if (process.argv.includes('--help')) {
        console.log(USAGE);
        return;
    }
    const options = parseArgs(process.argv.slice(2), {
        flags: ['with-sample-config', 'run-tests'],
        options: ['target-org']
    });
    const org = requireTargetOrg(options['target-org']);
    plan(options['with-sample-config'] ? 2 : 1);

    step(`Deploying Presence Sync (force-app) to ${org}`);
    const args = [
        'project',
        'deploy',
        'start',
        '--source-dir',
        'force-app',
        '--target-org',
        org,
        '--wait',
        '30'
    ];
    if (options['run-tests']) {
        // Every non-managed test in the org: in a scratch org that is exactly Presence Sync's.
        args.push('--test-level', 'RunLocalTests');
    }
    sfLive(args, { hint: `Is "${org}" reachable? Check with: sf org display --target-org ${org}` });

    if (options['with-sample-config']) {
        step('Deploying the sample Omni-Channel configuration (sample-config)');
        info('Only for sandboxes and scratch orgs: it adds service channels and presence statuses.');
        sfLive([
            'project',
            'deploy',
            'start',
            '--source-dir',
            'sample-config',
            '--target-org',
            org,
            '--wait',
            '30'
        ]);
    }

    console.log(`\n✔ Deployed to ${org}.`);
});
