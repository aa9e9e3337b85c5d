import type { DriftFinding, DriftKind, RecordedExchange } from './exchange.js';
import { DriftFinder } from './find-drift.js';

/** One kind of drift, counted over the run, with the first example seen. */
export interface DriftEntry extends DriftFinding {
  count: number;
}

export interface DriftReport {
  target: string;
  baseURL: string;
  startedAt: string;
  finishedAt: string;
  /** Exchanges compared with the contract. */
  exchanges: number;
  /** Exchanges per operation (or `METHOD /path` for unknown ones). */
  operations: Record<string, number>;
  /** Requests the recorder could not get an answer to from the target (not drift). */
  upstreamErrors: { count: number; example: string | undefined };
  findings: DriftEntry[];
  /** Distinct findings per kind. */
  summary: Partial<Record<DriftKind, number>>;
}

/**
 * Collects exchanges and counts their findings: the same drift on many exchanges (or many ads of
 * one answer) is one entry with a count and the first example.
 */
export class DriftLog {
  private readonly finder: DriftFinder;
  private readonly entries = new Map<string, DriftEntry>();
  private readonly operations: Record<string, number> = {};
  private exchanges = 0;
  private upstreamErrorCount = 0;
  private upstreamErrorExample: string | undefined;
  private readonly startedAt = new Date();

  constructor(finder: DriftFinder = new DriftFinder()) {
    this.finder = finder;
  }

  get exchangeCount(): number {
    return this.exchanges;
  }

  get findingCount(): number {
    return this.entries.size;
  }

  add(exchange: RecordedExchange): DriftFinding[] {
    this.exchanges++;
    const findings = this.finder.find(exchange);
    for (const finding of findings) {
      const key = [
        finding.kind,
        finding.operation,
        finding.status,
        finding.field,
        finding.detail,
      ].join('\u0000');
      const entry = this.entries.get(key);
      if (entry) entry.count++;
      else this.entries.set(key, { ...finding, count: 1 });
    }
    const operation = findings[0]?.operation ?? this.operationOf(exchange);
    this.operations[operation] = (this.operations[operation] ?? 0) + 1;
    return findings;
  }

  /** A request the target never answered (connection refused, TLS failure, timeout). */
  addUpstreamError(description: string): void {
    this.upstreamErrorCount++;
    this.upstreamErrorExample ??= this.finder.redactor.redactText(description);
  }

  report(target: { name: string; baseURL: string }): DriftReport {
    const findings = [...this.entries.values()].sort(
      (a, b) => a.kind.localeCompare(b.kind) || b.count - a.count,
    );
    const summary: Partial<Record<DriftKind, number>> = {};
    for (const finding of findings) summary[finding.kind] = (summary[finding.kind] ?? 0) + 1;
    return {
      target: target.name,
      baseURL: target.baseURL,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      exchanges: this.exchanges,
      operations: { ...this.operations },
      upstreamErrors: { count: this.upstreamErrorCount, example: this.upstreamErrorExample },
      findings,
      summary,
    };
  }

  private operationOf(exchange: RecordedExchange): string {
    return this.finder.operationIdOf(exchange);
  }
}
