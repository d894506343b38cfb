/**
 * docs/architecture.md's rooms, checked against the code: engine ← ports ← UI for the Lightning
 * web components, selectors ← services ← controllers for Apex. A new component must be given a
 * room (here and in the document) before it can import anything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const lwcDir = join(root, 'force-app', 'main', 'default', 'lwc');
const classesDir = join(root, 'force-app', 'main', 'default', 'classes');
const architecture = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');

const ROOMS: Record<string, 'engine' | 'ports' | 'ui'> = {
    presenceSyncEngine: 'engine',
    presenceSyncRuleAnalysis: 'engine',
    presenceSyncRuleChecks: 'engine',
    presenceSyncRuleOptions: 'engine',
    presenceSyncOrgSettings: 'engine',
    presenceSyncErrors: 'engine',
    // Comes with issue 14: a sync as one log entry, and back.
    presenceSyncTraceSummary: 'engine',
    presenceSyncConnectPort: 'ports',
    presenceSyncStreamsConduit: 'ports',
    presenceSyncEventChannel: 'ports',
    presenceSyncOmniPort: 'ports',
    presenceSyncTabLeader: 'ports',
    presenceSyncLogShipper: 'ports',
    presenceSyncAgent: 'ui',
    presenceSyncRuleBuilder: 'ui',
    presenceSyncRuleSetPanel: 'ui',
    presenceSyncRuleList: 'ui',
    presenceSyncRuleEditor: 'ui',
    presenceSyncRuleValueField: 'ui',
    presenceSyncMappingTable: 'ui',
    presenceSyncRuleDryRun: 'ui',
    presenceSyncRuleCoverage: 'ui',
    presenceSyncRuleTransfer: 'ui',
    presenceSyncAssignments: 'ui',
    presenceSyncConfirm: 'ui',
    presenceSyncHealthCheck: 'ui',
    presenceSyncLogReader: 'ui',
    presenceSyncTraceView: 'ui',
    // Comes with issue 14.
    presenceSyncLiveDebugPanel: 'ui'
};

/** Which rooms each room may import from. */
const MAY_IMPORT = { engine: ['engine'], ports: ['engine', 'ports'], ui: ['engine', 'ports', 'ui'] };

/** The component folders with TypeScript sources (a folder without them is not a module yet). */
function components(): string[] {
    return readdirSync(lwcDir).filter((name) =>
        readdirSync(join(lwcDir, name)).some((f) => f.endsWith('.ts'))
    );
}

/** Every import specifier of a component's own sources (tests left out). */
function importsOf(component: string): string[] {
    return readdirSync(join(lwcDir, component))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
        .flatMap((f) => [
            ...readFileSync(join(lwcDir, component, f), 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)
        ])
        .map((m) => m[1]);
}

describe('the rooms of the Lightning web components', () => {
    it('gives every component a room, and the architecture document names it', () => {
        const roomless = components().filter((c) => ROOMS[c] === undefined);
        const unnamed = Object.keys(ROOMS).filter((c) => !architecture.includes(`\`${c}\``));
        expect({ roomless, unnamed }).toEqual({ roomless: [], unnamed: [] });
    });

    it('imports only from its own room or the rooms below it', () => {
        const wrong: string[] = [];
        for (const component of components()) {
            const room = ROOMS[component];
            for (const specifier of importsOf(component)) {
                const target = /^c\/(\w+)$/.exec(specifier)?.[1];
                if (target && target !== component && !MAY_IMPORT[room].includes(ROOMS[target])) {
                    wrong.push(`${component} (${room}) imports ${target} (${ROOMS[target]})`);
                }
            }
        }
        expect(wrong).toEqual([]);
    });

    it('keeps the engine room free of the platform', () => {
        const platform = components()
            .filter((c) => ROOMS[c] === 'engine')
            .flatMap((c) => importsOf(c).map((s) => `${c}: ${s}`))
            .filter((line) => /: (lightning|@salesforce)\//.test(line));
        expect(platform).toEqual([]);
    });

    it('lets only the agent runtime import ports', () => {
        const importers = components().filter(
            (c) =>
                ROOMS[c] === 'ui' &&
                importsOf(c).some((s) => ROOMS[/^c\/(\w+)$/.exec(s)?.[1] ?? ''] === 'ports')
        );
        expect(importers).toEqual(['presenceSyncAgent']);
        const runtime = readFileSync(join(lwcDir, 'presenceSyncAgent', 'agentRuntime.ts'), 'utf8');
        expect(runtime).toMatch(/from 'c\/presenceSyncConnectPort'/);
    });
});

describe('the layers of the Apex', () => {
    const classes = readdirSync(classesDir).filter((f) => f.endsWith('.cls') && !f.endsWith('Test.cls'));
    const callees = (file: string): string[] => [
        ...new Set(
            [...readFileSync(join(classesDir, file), 'utf8').matchAll(/\b(PresenceSync\w+)\./g)].map(
                (m) => m[1]
            )
        )
    ];

    it('has controllers that call services, never a selector', () => {
        const wrong = classes
            .filter((f) => f.endsWith('Controller.cls'))
            .flatMap((f) =>
                callees(f)
                    .filter((c) => c.endsWith('Selector'))
                    .map((c) => `${f} → ${c}`)
            );
        expect(wrong).toEqual([]);
    });

    it('has selectors that call no service but the permission checks', () => {
        const wrong = classes
            .filter((f) => f.endsWith('Selector.cls'))
            .flatMap((f) =>
                callees(f)
                    .filter((c) => /(Service|Controller)$/.test(c) && c !== 'PresenceSyncAccessService')
                    .map((c) => `${f.replace('.cls', '')} → ${c}`)
            );
        expect(wrong).toEqual([]);
    });
});
