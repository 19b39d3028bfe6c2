import { launch } from '/work/main/src/cli/browser.ts';
import { serve } from '/work/main/src/cli/server.ts';
const server = await serve('/work/main/bench-results/site', '/', { gzip: true, headers: true });
const browser = await launch();
for (const path of ['/search/', '/bench-search-floor/', '/search/', '/bench-search-floor/']) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, o) => { if (document.querySelector('.results li')) { (window as any).__f = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url(path) + '?q=garnet');
  await page.waitForFunction(() => (window as any).__f !== undefined);
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => {
    const r = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => `${e.name.replace(location.origin, '').slice(0, 60).padEnd(60)} ${e.startTime.toFixed(0).padStart(5)} ${e.responseEnd.toFixed(0).padStart(5)}`);
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return [`first ${(window as any).__f.toFixed(0)} dcl ${nav.domContentLoadedEventEnd.toFixed(0)} resp ${nav.responseEnd.toFixed(0)}`, ...r].join('\n');
  });
  console.log(path + '\n' + t + '\n');
  await context.close();
}
await browser.close(); await server.close();
