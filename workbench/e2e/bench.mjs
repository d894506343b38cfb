/**
 * `npm run bench:e2e`: end-to-end figures in Chromium with the emulators. Page load to sync
 * ready over fresh page loads; Connect change to the Omni-Channel toolkit call, and Omni-Channel
 * change to the Connect putAgentState request, each over 200 changes. Both ends of every
 * interval are read from the page's clock. Prints a table, writes .bench/e2e.json, and exits
 * non-zero when a target is missed.
 *
 * The same figures are taken, in the same run, under Lightning Web Security (`?lws=1`) and in
 * plain mode with the CCP on another origin (`?ccpOrigin=cross`), as it is under LWS; the LWS
 * overhead is printed as ratios to both plain modes. Page loads and rounds of changes take turns
 * between the modes, so a busy spell on the machine does not land on one mode only. With the CCP on another origin a change
 * starts and ends in another process than the page, so only the cross-origin plain mode
 * isolates what the sandbox costs. The LWS figures have no targets of their own.
 *
 * The flapping guard would rightly pause sync after a few automated writes in a short window;
 * for the measurement the org's settings raise its limit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../build.mjs';
import { findChromium, openWorkbench, startEnvironment } from './harness.mjs';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 200);
const PAGE_LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 10);
const TARGETS = { readyMs: 1000, medianMs: 20, p95Ms: 50 };

function stats(samples) {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return {
        count: sorted.length,
        median: at(0.5),
        p95: at(0.95),
        max: sorted[sorted.length - 1],
        min: sorted[0]
    };
}

/** Runs in the page: alternates one side's state and times until the other side's emulator sees the request. */
async function measure({ direction, changes }) {
    const wb = window.workbench;
    const omni = wb.emulators.omni;
    const ccp = wb.emulators.ccp();
    const samples = [];
    const pairs =
        direction === 'connect-to-omni'
            ? { values: ['Available', 'Working - Phone'], expect: ['Available', 'Working_Phone'] }
            : { values: ['Available', 'Working_Media'], expect: ['Available', 'Working - Media'] };
    const requestCount = () =>
        direction === 'connect-to-omni'
            ? omni.calls().filter((c) => c.method === 'setServicePresenceStatus').length
            : ccp.calls().filter((c) => c.method === 'putAgentState').length;
    for (let i = 0; i < changes; i++) {
        const k = i % 2;
        const before = requestCount();
        let seenAt = null;
        const target = direction === 'connect-to-omni' ? omni : ccp;
        const unsubscribe = target.subscribe(() => {
            if (seenAt === null && requestCount() > before) {
                seenAt = performance.now();
            }
        });
        const startedAt = performance.now();
        if (direction === 'connect-to-omni') {
            ccp.setState(pairs.values[k]);
        } else {
            await omni.setStatus(pairs.values[k]);
        }
        const landedNow = () => (direction === 'connect-to-omni' ? omni.status() : ccp.state());
        // Settled normally means landed; a loaded machine may need a moment more.
        const deadline = performance.now() + 5000;
        await wb.settle();
        while ((seenAt === null || landedNow() !== pairs.expect[k]) && performance.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 10));
            await wb.settle();
        }
        unsubscribe();
        const landed = landedNow();
        if (seenAt === null || landed !== pairs.expect[k]) {
            return {
                error: `change ${i + 1} (${pairs.values[k]}) did not reach the other side: it is ${landed}`
            };
        }
        samples.push(seenAt - startedAt);
    }
    return { samples };
}

/** The modes measured, with what openWorkbench needs to open each. */
const MODES = {
    plain: {},
    // Pages of the modes are open side by side: each plays its own Connect agent (connectService.mjs).
    crossOriginCcp: { query: '?ccpOrigin=cross&connectAgent=bench-cross' },
    lws: { lws: true, query: '?connectAgent=bench-lws' }
};
const DIRECTIONS = ['connect-to-omni', 'omni-to-connect'];
/** Changes are measured in rounds that take turns between the modes, so load on the machine falls on all of them. */
const ROUNDS = 4;

/** Page loads, then changes both ways, in every mode, interleaved. */
async function measureModes(environment) {
    const samples = Object.fromEntries(
        Object.keys(MODES).map((mode) => [
            mode,
            { ready: [], ...Object.fromEntries(DIRECTIONS.map((d) => [d, []])) }
        ])
    );
    for (let i = 0; i < PAGE_LOADS; i++) {
        for (const [mode, open] of Object.entries(MODES)) {
            const opened = await openWorkbench(environment, open);
            samples[mode].ready.push(await opened.page.evaluate(() => window.workbench.readyAt()));
            await opened.context.close();
        }
    }
    const pages = {};
    try {
        for (const [mode, open] of Object.entries(MODES)) {
            pages[mode] = await openWorkbench(environment, open);
        }
        for (let round = 0; round < ROUNDS; round++) {
            const changes = Math.ceil(CHANGES / ROUNDS);
            for (const mode of Object.keys(MODES)) {
                for (const direction of DIRECTIONS) {
                    const outcome = await pages[mode].page.evaluate(measure, { direction, changes });
                    if (outcome.error) {
                        throw new Error(`${mode}, ${direction}: ${outcome.error}`);
                    }
                    samples[mode][direction].push(...outcome.samples);
                }
            }
        }
    } finally {
        await Promise.all(Object.values(pages).map((opened) => opened.context.close()));
    }
    return Object.fromEntries(
        Object.entries(samples).map(([mode, figures]) => [
            mode,
            Object.fromEntries(Object.entries(figures).map(([key, values]) => [key, stats(values)]))
        ])
    );
}

const ms = (v) => `${v.toFixed(1)} ms`;
const ratio = (a, b) => Math.round((a / b) * 100) / 100;

/** Median and p95 ratios of one mode's figures to another's. */
function ratios(mode, base) {
    return Object.fromEntries(
        Object.keys(base).map((key) => [
            key,
            { median: ratio(mode[key].median, base[key].median), p95: ratio(mode[key].p95, base[key].p95) }
        ])
    );
}

const MEASURES = [
    ['ready', 'page load → sync ready'],
    ['connect-to-omni', 'Connect change → Omni setServicePresenceStatus'],
    ['omni-to-connect', 'Omni change → Connect putAgentState']
];

function printLws({ plain, crossOriginCcp, lws }) {
    const overCross = ratios(lws, crossOriginCcp);
    const overPlain = ratios(lws, plain);
    console.log('\nUnder Lightning Web Security (?lws=1; medians, p95 in brackets)');
    console.log(
        `${'measure'.padEnd(48)} ${'plain'.padStart(20)} ${'plain, CCP x-origin'.padStart(20)} ${'LWS'.padStart(20)} ${'LWS ÷ x-origin'.padStart(16)} ${'LWS ÷ plain'.padStart(14)}`
    );
    const cell = (s) => `${ms(s.median)} (${ms(s.p95)})`.padStart(20);
    const times = (r) => `×${r.median} (×${r.p95})`;
    for (const [key, name] of MEASURES) {
        console.log(
            `${name.padEnd(48)} ${cell(plain[key])} ${cell(crossOriginCcp[key])} ${cell(lws[key])} ${times(overCross[key]).padStart(16)} ${times(overPlain[key]).padStart(14)}`
        );
    }
    return { overCrossOriginPlain: overCross, overPlain };
}

async function main() {
    if (!findChromium()) {
        console.error('bench:e2e needs Chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');
        process.exit(1);
    }
    const environment = await startEnvironment();
    let modes;
    try {
        await environment.post('/workbench/reset');
        await environment.post('/workbench/settings', { flapMaxChanges: 100000 });
        modes = await measureModes(environment);
    } finally {
        await environment.close();
    }
    const { plain: results, crossOriginCcp, lws } = modes;

    const rows = [
        ['page load → sync ready', results.ready, TARGETS.readyMs, null],
        [
            'Connect change → Omni setServicePresenceStatus',
            results['connect-to-omni'],
            TARGETS.medianMs,
            TARGETS.p95Ms
        ],
        ['Omni change → Connect putAgentState', results['omni-to-connect'], TARGETS.medianMs, TARGETS.p95Ms]
    ];
    const failures = [];
    console.log(
        `\n${'measure'.padEnd(48)} ${'n'.padStart(4)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}  target`
    );
    for (const [name, s, medianTarget, p95Target] of rows) {
        const target =
            p95Target === null
                ? `≤ ${medianTarget} ms (p95)`
                : `median ≤ ${medianTarget} ms, p95 ≤ ${p95Target} ms`;
        const ok =
            p95Target === null ? s.p95 <= medianTarget : s.median <= medianTarget && s.p95 <= p95Target;
        if (!ok) {
            failures.push(name);
        }
        console.log(
            `${name.padEnd(48)} ${String(s.count).padStart(4)} ${ms(s.median).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.max).padStart(9)}  ${target} ${ok ? 'met' : 'MISSED'}`
        );
    }
    const overhead = printLws({ plain: results, crossOriginCcp, lws });
    const report = {
        generatedAt: new Date().toISOString(),
        changes: CHANGES,
        pageLoads: PAGE_LOADS,
        targets: TARGETS,
        results,
        lws: { crossOriginCcp, lws, ...overhead },
        missed: failures
    };
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(join(ROOT, '.bench', 'e2e.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
        `\nWrote .bench/e2e.json${failures.length ? `; missed: ${failures.join('; ')}` : '; every target met'}.`
    );
    process.exit(failures.length > 0 ? 1 : 0);
}

main().catch((error) => {
    console.error(error.stack ?? error);
    process.exit(1);
});
