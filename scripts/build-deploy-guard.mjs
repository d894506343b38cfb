// Last step of `npm run build`: with the LWC JavaScript and the Streams static resource built, a
// plain `sf project deploy start` may send the project. The CLI reads the .forceignore nearest to
// each file, so this git-ignored one hides the clean-clone guard (config/deploy-guard) from it.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const guard = join(dirname(fileURLToPath(import.meta.url)), '..', 'config', 'deploy-guard');
writeFileSync(
    join(guard, '.forceignore'),
    '# Written by npm run build (scripts/build-deploy-guard.mjs): the project is built, so the\n# clean-clone guard stays out of plain deploys. Never committed.\n**\n'
);
console.log('Plain sf project deploy start enabled: config/deploy-guard/.forceignore written.');
