/** The workbench server's small HTTP helpers: JSON in and out, files with their content type. */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';

export const TYPES = {
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.png': 'image/png',
    '.html': 'text/html; charset=utf-8',
    '.json': 'application/json'
};

export async function readJson(request) {
    const chunks = [];
    for await (const chunk of request) {
        chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return text === '' ? {} : JSON.parse(text);
}

export function send(response, status, body, type = 'application/json') {
    const payload = type === 'application/json' ? JSON.stringify(body ?? null) : body;
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(payload);
}

export function sendFile(response, path) {
    if (!existsSync(path)) {
        send(response, 404, { message: 'Not found' });
        return;
    }
    response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store'
    });
    response.end(readFileSync(path));
}
