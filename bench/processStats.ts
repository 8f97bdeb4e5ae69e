/**
 * CPU time and memory of processes, read from /proc (Linux): the harness measures every
 * process the same way, whether it is Node, Postgres or the Go dev server.
 */
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ; 100 on every Linux this runs on.

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime of the process itself, in ticks. */
  ownTicks: number;
  /** cutime + cstime: children it has waited for, in ticks. */
  reapedChildTicks: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // gone
  }
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number) => Number(fields[n - 3]);
  return { pid, ppid: field(4), ownTicks: field(14) + field(15), reapedChildTicks: field(16) + field(17) };
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** CPU seconds used so far by one process (its threads included). */
export function cpuSecondsOf(pid: number): number {
  const stat = readStat(pid);
  return stat ? stat.ownTicks / CLOCK_TICKS_PER_SECOND : 0;
}

/**
 * CPU seconds used so far by a process and all its descendants: the live ones, plus what
 * exited children left in their parents' counters (Postgres backends that disconnected).
 */
export function cpuSecondsOfTree(rootPid: number): number {
  const stats = allPids()
    .map(readStat)
    .filter((stat): stat is ProcStat => stat !== null);
  const childrenOf = new Map<number, ProcStat[]>();
  for (const stat of stats) childrenOf.set(stat.ppid, [...(childrenOf.get(stat.ppid) ?? []), stat]);
  const root = stats.find((stat) => stat.pid === rootPid);
  if (!root) return 0;
  let ticks = 0;
  const queue = [root];
  while (queue.length > 0) {
    const stat = queue.pop()!;
    ticks += stat.ownTicks + stat.reapedChildTicks;
    queue.push(...(childrenOf.get(stat.pid) ?? []));
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** Resident set size in MiB. */
export function rssMiBOf(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((candidate) => candidate.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The first process whose command line contains `needle` (e.g. a data file path only it was given). */
export function findPidByCommandLine(needle: string): number | null {
  for (const pid of allPids()) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (commandLine.includes(needle) && pid !== process.pid) return pid;
    } catch {
      // exited meanwhile
    }
  }
  return null;
}
