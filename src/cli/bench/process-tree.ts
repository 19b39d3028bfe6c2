import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid and resident memory (bytes) of a process, from the text of `/proc/<pid>/stat` and `status`. */
export function parseProc(stat: string, status: string): { ppid: number; rssBytes: number } {
  // The command name in `stat` is in parentheses and may hold spaces: fields are counted after the last ")".
  const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(after[1]);
  const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return { ppid, rssBytes: rss ? Number(rss[1]) * 1024 : 0 };
}

/** Total resident memory of `root` and all its descendants, given every process's parent and memory. Pure. */
export function treeRss(root: number, procs: Map<number, { ppid: number; rssBytes: number }>): number {
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  let total = 0;
  const todo = [root];
  const seen = new Set<number>();
  while (todo.length) {
    const pid = todo.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += procs.get(pid)?.rssBytes ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

function snapshot(): Map<number, { ppid: number; rssBytes: number }> {
  const procs = new Map<number, { ppid: number; rssBytes: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      procs.set(Number(name), parseProc(readFileSync(`/proc/${name}/stat`, 'utf8'), readFileSync(`/proc/${name}/status`, 'utf8')));
    } catch {
      // the process ended between the listing and the read
    }
  }
  return procs;
}

export interface MeasuredRun {
  status: number;
  seconds: number;
  /** Highest sum of resident memory over the whole process tree, sampled every `intervalMs`. */
  peakBytes: number;
  output: string;
}

/** Runs a command, sampling the resident memory of its whole process tree from /proc; resolves when it exits. */
export function runMeasured(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; intervalMs?: number } = {}): Promise<MeasuredRun> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    let peak = 0;
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid, snapshot()));
    };
    const timer = setInterval(sample, opts.intervalMs ?? 100);
    child.on('error', (e) => {
      clearInterval(timer);
      fail(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      done({ status: code ?? 1, seconds: (performance.now() - start) / 1000, peakBytes: peak, output });
    });
  });
}
