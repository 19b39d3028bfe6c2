// Where the atomic build stages a site and how it swaps it in. Each build stages in a folder of its own, made beside
// the target (`.<name>.build-<pid>-<random>`), so the renames that publish never cross a file system. The swap moves
// the old site into that folder, the new one into place, and only then deletes the old one: whenever a build stops,
// one complete site exists, at the target or in the folder of a build that died between the two renames, which the
// next build puts back.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface Stage {
  /** The build's own folder beside the target. */
  dir: string;
  /** Where astro writes the new site. */
  site: string;
  /** Where the old site waits while the new one is moved into place. */
  previous: string;
}

const prefixOf = (target: string) => `.${basename(target)}.build-`;
const stageIn = (dir: string): Stage => ({ dir, site: join(dir, 'site'), previous: join(dir, 'previous') });

/** A fresh staging folder beside `target`, named after this process, so that the next build can tell whether it died. */
export function makeStage(target: string): Stage {
  mkdirSync(dirname(target), { recursive: true });
  return stageIn(mkdtempSync(join(dirname(target), `${prefixOf(target)}${process.pid}-`)));
}

/** Records the process group that writes into the stage (astro's), so that no build clears it while one of them lives. */
export function recordWriters(stage: Stage, group: number): void {
  writeFileSync(join(stage.dir, 'writers'), String(group));
}

/** Whether a process, or with a negative number a process group, still exists (a zombie counts). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Ends a stage: if the target is missing and the old site waits here, it goes back first; then the folder goes. */
export function settle(stage: Stage, target: string): 'restored' | 'removed' {
  const restore = !existsSync(target) && existsSync(stage.previous);
  if (restore) renameSync(stage.previous, target);
  rmSync(stage.dir, { recursive: true, force: true });
  return restore ? 'restored' : 'removed';
}

/**
 * Settles the staging folders that builds of the same target left when they died (killed, or the machine stopped):
 * those whose build process and astro's process group have both ended. A live build's folder is left alone.
 */
export function settleDeadBuilds(target: string): { dir: string; outcome: 'restored' | 'removed' }[] {
  const parent = dirname(target);
  if (!existsSync(parent)) return [];
  const prefix = prefixOf(target);
  const settled: { dir: string; outcome: 'restored' | 'removed' }[] = [];
  for (const name of readdirSync(parent)) {
    const owner = name.startsWith(prefix) ? /^(\d+)-/.exec(name.slice(prefix.length)) : null;
    if (!owner || Number(owner[1]) === process.pid || alive(Number(owner[1]))) continue;
    const stage = stageIn(join(parent, name));
    const writers = existsSync(join(stage.dir, 'writers')) ? Number(readFileSync(join(stage.dir, 'writers'), 'utf8')) : 0;
    if (writers > 0 && alive(-writers)) continue;
    try {
      settled.push({ dir: stage.dir, outcome: settle(stage, target) });
    } catch {
      // Something still writes there after all: the next build tries again.
    }
  }
  return settled;
}

/** Moves a staged site from one stage into another; a copy where the two are on different file systems. */
export function carry(from: Stage, to: Stage): void {
  try {
    renameSync(from.site, to.site);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from.site, to.site, { recursive: true });
  }
  rmSync(from.dir, { recursive: true, force: true });
}

/** Puts the staged site in place of the target: old site into the stage, new site to the target, old site deleted. */
export function publish(stage: Stage, target: string): void {
  try {
    if (existsSync(target)) renameSync(target, stage.previous);
    renameSync(stage.site, target);
  } finally {
    settle(stage, target);
  }
}
