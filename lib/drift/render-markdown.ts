import type { DriftKind } from './exchange.js';
import type { DriftEntry, DriftReport } from './drift-log.js';

/** Section titles, in the order the report shows them. */
const SECTIONS: readonly { kind: DriftKind; title: string; meaning: string }[] = [
  {
    kind: 'schema-violation',
    title: 'Responses that break the schema',
    meaning: 'a field of the wrong type, a missing required field, a value out of range',
  },
  {
    kind: 'unknown-enum-value',
    title: 'Enum values the contract does not list',
    meaning: 'add the value to the enum in openapi/publisher-v2.yaml once it is confirmed',
  },
  {
    kind: 'unknown-field',
    title: 'Fields the contract does not know',
    meaning: 'the contract tolerates them; declare them when they are confirmed',
  },
  {
    kind: 'undeclared-status',
    title: 'Status codes the contract does not declare',
    meaning: 'add the response to the operation, or find out why the API answered it',
  },
  {
    kind: 'undeclared-content-type',
    title: 'Content types the contract does not declare',
    meaning: 'the contract declares application/json bodies',
  },
  {
    kind: 'undeclared-operation',
    title: 'Requests to operations the contract does not have',
    meaning: 'a path or method missing from the contract, or a typo in the application',
  },
  {
    kind: 'request-violation',
    title: 'Requests that break the contract',
    meaning: 'the application sent a body the contract refuses',
  },
];

/** The drift report as Markdown: a summary, then one table per kind of finding. */
export function renderMarkdown(report: DriftReport): string {
  const lines = [
    `# Drift report: ${report.target}`,
    '',
    `Exchanges with ${report.baseURL} between ${report.startedAt} and ${report.finishedAt}, compared`,
    'with openapi/publisher-v2.yaml. Session tokens and secret-like fields are redacted.',
    '',
    `- exchanges: ${report.exchanges}`,
    `- distinct findings: ${report.findings.length}`,
    `- requests the target did not answer: ${report.upstreamErrors.count}${
      report.upstreamErrors.example ? ` (e.g. ${report.upstreamErrors.example})` : ''
    }`,
    '',
    '| operation | exchanges |',
    '| --- | --- |',
    ...Object.entries(report.operations).map(
      ([operation, count]) => `| ${cell(operation)} | ${count} |`,
    ),
  ];
  if (report.findings.length === 0) {
    lines.push('', 'No drift: every exchange matched the contract.');
  }
  for (const section of SECTIONS) {
    const entries = report.findings.filter((finding) => finding.kind === section.kind);
    if (entries.length === 0) continue;
    lines.push(
      '',
      `## ${section.title} (${entries.length})`,
      '',
      `What to do: ${section.meaning}.`,
      '',
      '| operation | status | field | finding | count | example |',
      '| --- | --- | --- | --- | --- | --- |',
      ...entries.map(row),
    );
  }
  return `${lines.join('\n')}\n`;
}

function row(entry: DriftEntry): string {
  const { example } = entry;
  const exampleText = [
    example.exchange,
    example.requestId ? `request ${example.requestId}` : undefined,
    example.field && example.value !== undefined
      ? `${example.field} = ${example.value}`
      : undefined,
  ]
    .filter(Boolean)
    .join('; ');
  return `| ${[entry.operation, entry.status ?? '', entry.field ?? '', entry.detail, entry.count, exampleText].map((value) => cell(String(value))).join(' | ')} |`;
}

/** A table cell: pipes escaped, line breaks flattened, code-formatted where it helps. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
