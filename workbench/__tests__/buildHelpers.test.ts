/**
 * The workbench build's helpers are Node ES modules; each test runs them in a Node of its own.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const workbench = join(__dirname, '..');

function runModule(body: string): unknown {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', body], {
        cwd: join(workbench, '..'),
        encoding: 'utf8'
    });
    return JSON.parse(output);
}

describe('the workbench build', () => {
    it("gives the base components' labels their English words, and the project's its own", () => {
        const module = pathToFileURL(join(workbench, 'labels.mjs')).href;
        const labelsFile = join(
            workbench,
            '..',
            'force-app',
            'main',
            'default',
            'labels',
            'CustomLabels.labels-meta.xml'
        );
        const result = runModule(`
            import { labelResolver } from ${JSON.stringify(module)};
            const labels = labelResolver({ root: process.cwd(), labelsFile: ${JSON.stringify(labelsFile)} });
            const words = ['LightningInteractiveDialogBase.cancel', 'LightningInteractiveDialogBase.ok',
                'LightningCombobox.placeholder', 'LightningInputFile.buttonLabel', 'LightningControl.clear',
                'No.suchLabel'].map((name) => labels.text(name));
            console.log(JSON.stringify({ words, missing: labels.missing(), source: labels.source('@salesforce/label/LightningControl.clear') }));
        `);
        expect(result).toEqual({
            words: ['Cancel', 'OK', 'Select an Option', 'Upload Files', 'Clear', 'No.suchLabel'],
            missing: ['No.suchLabel'],
            source: 'export default "Clear";'
        });
    });

    it('says what it builds while it builds, and how long it has taken', () => {
        const module = pathToFileURL(join(workbench, 'progress.mjs')).href;
        const lines = runModule(`
            import { buildProgress } from ${JSON.stringify(module)};
            const lines = [];
            let now = 0;
            const progress = buildProgress((line) => lines.push(line), { everyMs: 20, now: () => now });
            progress.step('Compiling the components');
            now = 12000;
            await new Promise((resolve) => setTimeout(resolve, 70));
            progress.step('Bundling the page');
            progress.stop();
            await new Promise((resolve) => setTimeout(resolve, 50));
            console.log(JSON.stringify(lines));
        `) as string[];
        expect(lines[0]).toBe('Compiling the components… (0 s)');
        expect(lines).toContain('  still at: Compiling the components (12 s so far)');
        expect(lines.at(-1)).toBe('Bundling the page… (12 s)');
    });
});
