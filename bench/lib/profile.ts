import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile (as written by `node --cpu-prof`) this summary reads. */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  samples: number[];
  /** Microseconds between consecutive samples. */
  timeDeltas: number[];
}

export interface SelfTime {
  /** Function name (or "(anonymous)", "(garbage collector)", "(idle)", …). */
  name: string;
  /** Where it is: a path relative to the repository, `node_modules/<package>/…` or `node:…`. */
  where: string;
  ms: number;
  /** Share of the non-idle samples. */
  percent: number;
}

export interface ProfileSummary {
  file: string;
  /** Sampled time, idle included. */
  totalMs: number;
  idleMs: number;
  /** Top functions by self time (idle excluded). */
  functions: SelfTime[];
  /** Self time grouped by package / area (idle excluded). */
  groups: Array<{ group: string; ms: number; percent: number }>;
}

function place(url: string, root: string): string {
  if (!url) return '';
  let path = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  if (path.startsWith(`${root}/`)) path = path.slice(root.length + 1);
  return path;
}

/** What a file belongs to: `node_modules/graphql`, `@whatwg-node/server`, `node internals`, `dist/wechat`… */
function group(where: string, name: string): string {
  if (!where) return name.startsWith('(') ? name : '(native / V8)';
  const nm = where.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = where.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (where.startsWith('node:')) return 'node internals';
  const parts = where.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : where;
}

/** Self time per function, from the samples of a .cpuprofile. */
export function summariseProfile(file: string, root: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, { name: string; where: string; us: number }>();
  let totalUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, index) => {
    // timeDeltas[i] is the time before sample i; charge it to that sample.
    const us = profile.timeDeltas[index] ?? 0;
    totalUs += us;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') {
      idleUs += us;
      return;
    }
    const file = place(url, root);
    const where = file ? `${file}:${lineNumber + 1}` : '';
    const key = `${name}\u0000${where}`;
    const entry = selfUs.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    selfUs.set(key, entry);
  });
  const busyUs = Math.max(1, totalUs - idleUs);
  const functions = [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map(({ name, where, us }) => ({ name, where, ms: us / 1000, percent: (100 * us) / busyUs }));
  const groups = new Map<string, number>();
  for (const { name, where, us } of selfUs.values()) {
    const g = group(where.replace(/:\d+$/, ''), name);
    groups.set(g, (groups.get(g) ?? 0) + us);
  }
  return {
    file,
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    functions,
    groups: [...groups.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([g, us]) => ({ group: g, ms: us / 1000, percent: (100 * us) / busyUs })),
  };
}
