/**
 * Calls `then` once `parent`, the process that started this one, has ended, however it ended (SIGKILL included).
 * Node has no prctl(PR_SET_PDEATHSIG), so the parent pid is polled: when a parent dies its children are handed to
 * another process (init or a subreaper), and `process.ppid` changes. A caller that knows its parent's pid passes it,
 * so that a parent that died before this module loaded is noticed too. The timer does not keep the process alive.
 */
export function onParentDeath(then: () => void, parent = process.ppid, everyMs = 200): void {
  const check = () => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    then();
  };
  const timer = setInterval(check, everyMs);
  timer.unref();
  check();
}
