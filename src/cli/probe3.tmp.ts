import { launch } from './browser.ts';
import { serve } from './server.ts';
import { writeSearchFloor } from './bench/search-floor.ts';
import { timeSearch } from './bench/browser.ts';
const dir = process.argv[2]!;
writeSearchFloor(dir);
const server = await serve(dir, '/', { gzip: true, headers: true });
const browser = await launch();
const queries = ['LiCoO2', 'LCO', 'garnet', 'dendrite', 'EELS', 'Li2S', 'FeF2', 'cryo', 'interphase', 'lithium cobalt oxide'];
let a = 0, b = 0;
for (let run = 0; run < 3; run++) for (const q of queries) {
  const e = await timeSearch(browser, server.url('/search/'), q);
  const f = await timeSearch(browser, server.url('/bench-search-floor/'), q);
  a += e.firstResultMs; b += f.firstResultMs;
}
console.log('edition', a.toFixed(0), 'bare', b.toFixed(0), 'ratio', (a / b).toFixed(2));
await browser.close(); await server.close();
