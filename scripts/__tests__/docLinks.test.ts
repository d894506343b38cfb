/**
 * The README and the admin guide are what an admin installs from: every file they link to or
 * show must exist, and every in-page link must land on a heading.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const guides = ['README.md', 'docs/admin-guide.md'];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-');
}

function links(markdown: string): string[] {
    const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

describe.each(guides)('%s', (guide) => {
    const markdown = readFileSync(join(root, guide), 'utf8');
    const local = links(markdown).filter((target) => !/^[a-z]+:/i.test(target));

    it('links only to files that exist', () => {
        const missing = local
            .map((target) => target.split('#')[0])
            .filter((path) => path !== '' && !existsSync(join(root, dirname(guide), path)));
        expect(missing).toEqual([]);
    });

    it('links within the page only to its headings', () => {
        const headings = new Set(
            [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]))
        );
        const broken = local.filter((t) => t.startsWith('#') && !headings.has(t.slice(1)));
        expect(broken).toEqual([]);
    });
});
