// Adds every URL of the current build (pages, and the heading anchors and paragraphs' ids of section pages, which
// their self-links and the "Cited in" links on reference pages land on) to the committed manifest
// of published URLs, content/published-urls.txt. It never removes a line: a published URL must keep working.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { builtPages } from '../lib/checks/site-files.ts';

const manifest = 'content/published-urls.txt';
const dist = process.env.EDITION_DIST ?? 'dist';
const header = '# Published URLs of the edition (paths under the base). A build must serve every one; add with `npm run urls`.';

const known = existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')) : [];
const current = builtPages(dist).flatMap((page) => {
  const anchors = page.url.startsWith('/sections/')
    ? parse(page.html).querySelectorAll("main h2[id], main h3[id], main h4[id], main [id^='p-']").map((h) => `${page.url}#${h.id}`)
    : [];
  return [page.url, ...anchors];
});
const added = current.filter((u) => !known.includes(u));
writeFileSync(manifest, `${[header, ...known, ...added].join('\n')}\n`);
console.log(`${manifest}: ${known.length} kept, ${added.length} added`);
