// Copies the locked amazon-connect-streams bundle into the static resource the agent component
// loads, so the deployed library is always the version in package-lock.json.
import { copyFileSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = dirname(require.resolve('amazon-connect-streams/package.json'));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const target = join(root, 'force-app/main/default/staticresources');

mkdirSync(target, { recursive: true });
copyFileSync(join(packageDir, 'release/connect-streams-min.js'), join(target, 'amazonConnectStreams.js'));
writeFileSync(
    join(target, 'amazonConnectStreams.resource-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8" ?>
<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">
    <cacheControl>Public</cacheControl>
    <contentType>application/javascript</contentType>
    <description>amazon-connect-streams ${version} (release/connect-streams-min.js), built by npm run build:streams</description>
</StaticResource>
`
);
console.log(`amazon-connect-streams ${version} copied to the static resource amazonConnectStreams`);
