// `npm run package:version`: a new version of the unlocked package "Presence Sync" from
// force-app (built first by package.json). Creates the package on the Dev Hub the first time,
// runs the Apex tests for code coverage (promotion needs 75 %), and prints how to install it.
import {
    fail,
    info,
    main,
    parseArgs,
    plan,
    readProjectJson,
    requireDevHub,
    sfJson,
    step
} from './lib/sf.mjs';

const PACKAGE = 'Presence Sync';
const USAGE = `Usage: npm run package:version -- [options]
  --dev-hub <alias>   Dev Hub that owns the package (default: the CLI's default Dev Hub)
  --wait <minutes>    how long to wait for the version (default: 60)`;

function createPackage(devHub) {
    const packageDir = readProjectJson().packageDirectories.find((dir) => dir.package === PACKAGE);
    if (!packageDir) {
        fail(`sfdx-project.json has no package directory for "${PACKAGE}".`);
    }
    const result = sfJson(
        [
            'package',
            'create',
            '--name',
            PACKAGE,
            '--package-type',
            'Unlocked',
            '--path',
            packageDir.path,
            '--no-namespace',
            '--description',
            packageDir.versionDescription ?? PACKAGE,
            '--target-dev-hub',
            devHub
        ],
        { hint: 'Is Unlocked Packages enabled on the Dev Hub (Setup > Dev Hub)?' }
    );
    info(`Package created: ${result.Id}. Its alias is now in sfdx-project.json: commit that file.`);
}

await main(async () => {
    if (process.argv.includes('--help')) {
        console.log(USAGE);
        return;
    }
    const options = parseArgs(process.argv.slice(2), { options: ['dev-hub', 'wait'] });
    const wait = options.wait ?? '60';
    if (!/^[1-9]\d*$/.test(wait)) {
        fail(`--wait must be a whole number of minutes, not "${wait}".`);
    }
    plan(3);

    step('Checking the Dev Hub');
    const devHub = requireDevHub(options['dev-hub']);
    info(`Dev Hub: ${devHub.username}`);

    step(`Making sure the package "${PACKAGE}" exists`);
    const aliases = readProjectJson().packageAliases ?? {};
    if (aliases[PACKAGE]) {
        info(`Found in sfdx-project.json: ${aliases[PACKAGE]}`);
    } else {
        info('Not in sfdx-project.json yet: creating it on the Dev Hub.');
        createPackage(devHub.alias);
    }

    step('Creating the package version (build org, Apex tests with coverage: 10-30 minutes)');
    const version = sfJson(
        [
            'package',
            'version',
            'create',
            '--package',
            PACKAGE,
            '--code-coverage',
            '--installation-key-bypass',
            '--wait',
            wait,
            '--target-dev-hub',
            devHub.alias
        ],
        {
            // The CLI stops itself after --wait minutes; this limit only catches a stuck process.
            timeoutSeconds: (Number(wait) + 10) * 60,
            hint: 'The message above names the metadata or test that failed; fix it and run again.'
        }
    );
    if (version.Status !== 'Success' || !version.SubscriberPackageVersionId) {
        fail(
            `The version is not ready (status ${version.Status ?? 'unknown'}). Follow it with: ` +
                `sf package version create report --package-create-request-id ${version.Id} --target-dev-hub ${devHub.alias}`
        );
    }

    const id = version.SubscriberPackageVersionId;
    console.log(`\n✔ Package version ${id} created.`);
    console.log(`  Install in production or a Developer Edition org:`);
    console.log(`    https://login.salesforce.com/packaging/installPackage.apexp?p0=${id}`);
    console.log(`  Install in a sandbox:`);
    console.log(`    https://test.salesforce.com/packaging/installPackage.apexp?p0=${id}`);
    console.log(`  Or with the CLI:`);
    console.log(
        `    sf package install --package ${id} --target-org <org> --wait 20 --security-type AdminsOnly`
    );
    console.log(`  Before installing in production, promote it (needs 75 % Apex coverage):`);
    console.log(`    sf package version promote --package ${id} --target-dev-hub ${devHub.alias}`);
});
