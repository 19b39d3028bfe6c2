import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LighthouseScores, PageType } from './budgets.ts';

/** Chromium's flags for a headless run on these machines (DESIGN.md: no sandbox, no GPU, no background traffic). */
export const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Lhr {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; scoreDisplayMode: string; title: string; displayValue?: string }>;
}

/** The scored audits (metrics and pass/fail checks) that cost points, as "id (score): title"; insights are left out. */
export function failingAudits(lhr: Lhr): string[] {
  return Object.entries(lhr.audits)
    .filter(([, a]) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric'))
    .map(([id, a]) => `${id} (${a.score}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
}

/** Scores from a Lighthouse result, 0–100. */
export function scoresOf(lhr: Lhr, type: PageType, url: string): LighthouseScores {
  const s = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  return { type, url: new URL(url).pathname, performance: s('performance'), accessibility: s('accessibility'), bestPractices: s('best-practices'), seo: s('seo') };
}

/** Runs the Lighthouse CLI (mobile, the default form factor) against Debian's chromium; writes its JSON report to `out`. */
export async function runLighthouse(url: string, out: string, chromePath: string): Promise<Lhr> {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('lighthouse/package.json')), 'cli', 'index.js');
  const args = [cli, url, '--form-factor=mobile', '--output=json', `--output-path=${out}`, '--quiet', `--chrome-flags=${chromeFlags.join(' ')}`, '--only-categories=performance,accessibility,best-practices,seo'];
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CHROME_PATH: chromePath } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (c) => {
      if (c !== 0) process.stderr.write(err);
      done(c ?? 1);
    });
  });
  if (code !== 0) throw new Error(`lighthouse exited with ${code} for ${url}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Lhr;
}
