import { readFileSync } from 'node:fs';
import { launch } from './browser.ts';
import { serve } from './server.ts';
const server = await serve('/work/main/bench-results/site', '/', { gzip: true, headers: true });
const browser = await launch();
for (const path of ['/search/', '/bench-search-floor/']) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await browser.startTracing(page, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'v8.execute', 'blink'] });
  await page.goto(server.url(path) + '?q=garnet');
  await page.locator('.results li').first().waitFor();
  await browser.stopTracing();
  const ev = JSON.parse(readFileSync('/tmp/trace.json', 'utf8')).traceEvents as any[];
  const nav = ev.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart' )?.ts ?? ev.find((e)=>e.name==='ResourceSendRequest')?.ts;
  const agg = new Map<string, number>();
  for (const e of ev) if (e.ph === 'X' && e.dur > 2000 && ['EvaluateScript','v8.compile','ParseHTML','UpdateLayoutTree','Layout','Paint','FunctionCall','v8.compileModule','v8.evaluateModule','RunTask', 'CompileScript', 'PrePaint', 'Commit', 'wasm.CompileLazy', 'v8.wasm.compiledModule','v8.wasm.streamFromResponseCallback', 'ParseAuthorStyleSheet','TimerFire','EventDispatch','HitTest','ScheduleStyleRecalculation','v8.run'].includes(e.name)) console.log(path, e.name, ((e.ts - nav) / 1000).toFixed(0), (e.dur / 1000).toFixed(1), JSON.stringify(e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.beginData?.frame ?? '').slice(0, 80));
  await context.close();
}
await browser.close(); await server.close();
