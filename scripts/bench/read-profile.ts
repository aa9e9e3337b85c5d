import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The parts of a V8 `.cpuprofile` (Chrome DevTools format) that self time needs. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTimeEntry {
  /** `function (file:line)`; `(anonymous)` for unnamed functions. */
  location: string;
  selfMs: number;
  percent: number;
}

/**
 * The functions with the most self time (time on top of the stack), summed over every call site:
 * the list to read first when looking for waste on a hot path. Time per sample comes from
 * `timeDeltas` when present, otherwise every sample counts the same.
 */
export function topSelfTime(profile: CpuProfile, count: number): SelfTimeEntry[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMsByLocation = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalMs = 0;
  samples.forEach((nodeId, index) => {
    const node = byNode.get(nodeId);
    if (!node) return;
    // timeDeltas[i] is the time before sample i; the next delta is this sample's own duration.
    const ms = (deltas[index + 1] ?? deltas[index] ?? 1000) / 1000;
    const key = describeFrame(node.callFrame);
    selfMsByLocation.set(key, (selfMsByLocation.get(key) ?? 0) + ms);
    totalMs += ms;
  });
  return [...selfMsByLocation.entries()]
    .map(([location, selfMs]) => ({ location, selfMs, percent: (selfMs / totalMs) * 100 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, count);
}

/** Long enough for any function name; cuts the source of a compiled RegExp down to size. */
const MAX_NAME_LENGTH = 80;

function describeFrame(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const fullName = frame.functionName || '(anonymous)';
  const name =
    fullName.length > MAX_NAME_LENGTH ? `${fullName.slice(0, MAX_NAME_LENGTH)}…` : fullName;
  if (!frame.url) return name;
  const file = frame.url.replace(/^file:\/\//, '');
  const short = file.includes('node_modules')
    ? file.slice(file.lastIndexOf('node_modules') + 'node_modules/'.length)
    : path.basename(file);
  return `${name} (${short}:${frame.lineNumber + 1})`;
}

export async function readProfile(filePath: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(filePath, 'utf8')) as CpuProfile;
}

export function formatSelfTime(entries: readonly SelfTimeEntry[]): string {
  return entries
    .map(
      (entry) =>
        `${entry.percent.toFixed(1).padStart(5)}%  ${entry.selfMs.toFixed(0).padStart(7)} ms  ${entry.location}`,
    )
    .join('\n');
}
