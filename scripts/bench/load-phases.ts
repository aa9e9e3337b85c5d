import type { BenchChild } from './child-process.js';
import type { HandshakeJob, HandshakeResult, LoadJob, LoadResult, LoadStep } from './load-jobs.js';
import type { BenchPlan } from './options.js';
import {
  summariseHandshakes,
  summariseHeap,
  summariseScenario,
  type BenchReport,
  type HandshakeSample,
  type RunSample,
  type ScenarioFigures,
} from './report.js';
import { HANDSHAKE_PATH, type Scenario } from './scenarios.js';
import type { ServerUsage } from './server-child.js';

type Side = 'baseline' | 'mock';

export interface BenchServers {
  baseline: { child: BenchChild; url: string };
  mock: { child: BenchChild; url: string };
}

interface PhaseInput {
  plan: BenchPlan;
  servers: BenchServers;
  load: BenchChild;
  certsDir: string;
  scenarios: readonly Scenario[];
}

/** Connections for the warm-up and the mixed-traffic soak. */
const WARMUP_CONNECTIONS = 16;
/** A run with more failed requests than this share measured something else than the server. */
const MAX_ERROR_SHARE = 0.001;

/**
 * Warm-up, interleaved rounds per scenario, the handshake loop, and the heap before and after.
 * Within a round the order alternates (baseline first, then mock first) so that a drift of the
 * machine's speed during a round does not always favour the same side.
 */
export async function runLoadPhases(
  input: PhaseInput,
): Promise<Pick<BenchReport, 'operations' | 'handshake' | 'heap'>> {
  const { plan, servers, scenarios } = input;
  const allSteps = scenarios.map((scenario) => scenario.step);

  progress(`warming up both servers for ${plan.warmupSeconds} s each`);
  await warmUp(input, allSteps, plan.warmupSeconds);
  const heapBefore = await servers.mock.child.request<{ heapUsedBytes: number }>({ type: 'heap' });

  const operations: Record<string, Record<string, ScenarioFigures>> = {};
  for (const scenario of scenarios) {
    const rounds = scenario.name === 'getAds' ? plan.getAdsRounds : plan.otherRounds;
    // The mixed warm-up leaves the code of each path shared with the others; one run of this
    // scenario alone lets it settle before anything counts (without it, the first round of a short
    // plan measured the mock's compiler more than its requests).
    await warmUp(input, [scenario.step], plan.operationWarmupSeconds);
    for (const connections of scenario.connections) {
      progress(
        `${scenario.name} at ${connections} connections: ${rounds} rounds of ${plan.runSeconds} s`,
      );
      const samples: Record<Side, RunSample[]> = { baseline: [], mock: [] };
      for (let round = 0; round < rounds; round++) {
        for (const side of orderOf(round)) {
          samples[side].push(
            await measureRun(input, side, [scenario.step], connections, plan.runSeconds),
          );
        }
      }
      operations[scenario.name] ??= {};
      operations[scenario.name]![`c${connections}`] = summariseScenario(
        scenario.name,
        connections,
        samples.baseline,
        samples.mock,
      );
    }
  }

  progress(`new connections: ${plan.handshakeRounds} rounds of up to ${plan.handshakeSeconds} s`);
  const handshakes: Record<Side, HandshakeSample[]> = { baseline: [], mock: [] };
  for (let round = 0; round < plan.handshakeRounds; round++) {
    for (const side of orderOf(round)) handshakes[side].push(await measureHandshakes(input, side));
  }

  progress(`mixed load on the mock for ${plan.soakSeconds} s, then the heap after GC`);
  const soakSteps = [...allSteps, allSteps[0]!];
  await measureRun(input, 'mock', soakSteps, WARMUP_CONNECTIONS, plan.soakSeconds);
  const heapAfter = await servers.mock.child.request<{ heapUsedBytes: number }>({ type: 'heap' });

  return {
    operations,
    handshake: summariseHandshakes(handshakes.baseline, handshakes.mock),
    heap: summariseHeap(plan.soakSeconds, heapBefore.heapUsedBytes, heapAfter.heapUsedBytes),
  };
}

function orderOf(round: number): readonly Side[] {
  return round % 2 === 0 ? ['baseline', 'mock'] : ['mock', 'baseline'];
}

/** One run of `steps` on each server, whose figures are dropped. */
async function warmUp(input: PhaseInput, steps: LoadStep[], seconds: number): Promise<void> {
  for (const side of ['baseline', 'mock'] as const) {
    await measureRun(input, side, steps, WARMUP_CONNECTIONS, seconds);
  }
}

/** One load run against one server, with the server's CPU time read just before and after. */
async function measureRun(
  input: PhaseInput,
  side: Side,
  requests: LoadStep[],
  connections: number,
  seconds: number,
): Promise<RunSample> {
  const server = input.servers[side];
  const job: LoadJob = {
    url: server.url,
    certsDir: input.certsDir,
    connections,
    durationSeconds: seconds,
    requests,
  };
  const before = await server.child.request<ServerUsage>({
    type: 'usage',
    connectionsAhead: connections,
  });
  const result = await input.load.request<LoadResult>({ type: 'load', job });
  const after = await server.child.request<ServerUsage>({ type: 'usage' });
  checkRun(side, requests, result);
  // Server CPU per request counts from the last connection's handshake on: the handshakes have
  // their own figure, and in a one-second run they would weigh on the server that serves fewer
  // requests. Without the mark (a connection never came up), the whole run counts.
  const from = after.allConnected ?? before;
  const served = after.requests - from.requests;
  return {
    requestsPerSecond: result.requestsPerSecond,
    cpuMicrosPerRequest: served > 0 ? (after.cpuMicros - from.cpuMicros) / served : Number.NaN,
    latencyP50Ms: result.latencyP50Ms,
    latencyP99Ms: result.latencyP99Ms,
  };
}

async function measureHandshakes(input: PhaseInput, side: Side): Promise<HandshakeSample> {
  const server = input.servers[side];
  const job: HandshakeJob = {
    url: server.url,
    certsDir: input.certsDir,
    path: HANDSHAKE_PATH,
    parallel: input.plan.handshakeParallel,
    maxConnections: input.plan.handshakeMaxConnections,
    maxSeconds: input.plan.handshakeSeconds,
  };
  const before = await server.child.request<ServerUsage>({ type: 'usage' });
  const result = await input.load.request<HandshakeResult>({ type: 'handshakes', job });
  const after = await server.child.request<ServerUsage>({ type: 'usage' });
  if (result.connections === 0 || result.failures > result.connections * MAX_ERROR_SHARE) {
    throw new Error(
      `the ${side} completed ${result.connections} connections and failed ${result.failures}; ` +
        'check that the local PKI is intact',
    );
  }
  const handshakes = after.connections - before.connections;
  return {
    perSecond: result.perSecond,
    cpuMicrosPerHandshake:
      handshakes > 0 ? (after.cpuMicros - before.cpuMicros) / handshakes : Number.NaN,
  };
}

/** A run that got errors or non-2xx answers measured the wrong thing: the bench stops. */
function checkRun(side: Side, requests: readonly LoadStep[], result: LoadResult): void {
  const what = `${side} ${requests.map((step) => step.path).join(', ')}`;
  if (result.requests === 0) throw new Error(`the ${what} run completed no request`);
  if (result.non2xx > 0) {
    throw new Error(`the ${what} run got ${result.non2xx} non-2xx answers of ${result.requests}`);
  }
  if (result.errors > result.requests * MAX_ERROR_SHARE) {
    throw new Error(`the ${what} run had ${result.errors} connection errors or timeouts`);
  }
}

function progress(message: string): void {
  process.stderr.write(`cdlx: bench: ${message}\n`);
}
