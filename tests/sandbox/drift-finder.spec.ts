import { expect, test } from '@playwright/test';

import { DriftLog } from '../../lib/drift/drift-log.js';
import type { RecordedExchange } from '../../lib/drift/exchange.js';
import { DriftFinder } from '../../lib/drift/find-drift.js';
import { renderMarkdown } from '../../lib/drift/render-markdown.js';

const SESSION_TOKEN = 'session-token-value-0123456789';

function exchange(overrides: Partial<RecordedExchange>): RecordedExchange {
  return {
    method: 'GET',
    path: '/healthcheck',
    requestHeaders: {},
    requestBody: undefined,
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: JSON.stringify({ status: 'UP', requestId: 'r1' }),
    ...overrides,
  };
}

function rewardAnswer(
  reward: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): string {
  const ad = {
    adId: '1000001',
    adType: 'CASH_BACK_OFFER',
    adServeToken: 'srv-1',
    merchantName: 'Example Coffee',
    reward,
    activationState: 'NEW',
    visibilityState: 'VISIBLE',
    ...extra,
  };
  return JSON.stringify({
    requestId: 'r2',
    ads: { '1000001': ad },
    rankings: { all: ['1000001'] },
  });
}

const getAds = (responseBody: string): RecordedExchange =>
  exchange({
    method: 'POST',
    path: '/v2/ads/getAds',
    requestHeaders: { 'x-cdlx-session-token': SESSION_TOKEN, 'x-cdlx-request-id': 'req-7' },
    requestBody: JSON.stringify({ channel: 'MobileApp' }),
    responseBody,
  });

test.describe('drift finder', () => {
  test('an exchange that matches the contract gives no finding', () => {
    expect(new DriftFinder().find(exchange({}))).toEqual([]);
  });

  test('names a new enum value apart from a wrong type, with map keys generalised', () => {
    const findings = new DriftFinder().find(
      getAds(rewardAnswer({ rewardType: 'CASHBACK_BOOST', rewardAmount: '5' })),
    );

    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'unknown-enum-value',
        operation: 'getAds',
        status: 200,
        field: 'ads.*.reward.rewardType',
        detail: expect.stringMatching(/^"CASHBACK_BOOST": must be one of PERCENT_AMOUNT_PURCHASE/),
      }),
      expect.objectContaining({
        kind: 'schema-violation',
        field: 'ads.*.reward.rewardAmount',
        detail: 'must be number',
        example: {
          exchange: 'POST /v2/ads/getAds -> 200',
          requestId: 'req-7',
          field: 'ads.1000001.reward.rewardAmount',
          value: '"5"',
        },
      }),
    ]);
  });

  test('lists a field the contract does not know, and redacts secret-looking values', () => {
    const findings = new DriftFinder().find(
      getAds(
        rewardAnswer(
          { rewardType: 'FIXED_AMOUNT_PURCHASE' },
          { loyaltyTier: 'gold', refreshToken: 'abc', echo: `token ${SESSION_TOKEN}` },
        ),
      ),
    );

    expect(findings.map((finding) => [finding.kind, finding.field, finding.example.value])).toEqual(
      [
        ['unknown-field', 'ads.*.loyaltyTier', '"gold"'],
        ['unknown-field', 'ads.*.refreshToken', '"[redacted]"'],
        ['unknown-field', 'ads.*.echo', '"token [redacted]"'],
      ],
    );
  });

  test('reports statuses, content types and operations the contract does not declare', () => {
    const finder = new DriftFinder();

    const [teapot] = finder.find(exchange({ status: 418 }));
    const [html] = finder.find(
      exchange({ responseHeaders: { 'content-type': 'text/html' }, responseBody: '<html>' }),
    );
    const [unknown] = finder.find(exchange({ method: 'DELETE', path: '/v2/ads/getAds?x=1' }));

    expect(teapot).toMatchObject({
      kind: 'undeclared-status',
      detail: '418 is not declared for healthcheck',
    });
    expect(html).toMatchObject({
      kind: 'undeclared-content-type',
      detail: expect.stringContaining('text/html'),
    });
    expect(unknown).toMatchObject({
      kind: 'undeclared-operation',
      operation: 'DELETE /v2/ads/getAds',
    });
  });

  test('reports a request body the contract refuses', () => {
    const [finding] = new DriftFinder().find(
      exchange({
        method: 'POST',
        path: '/v2/ads/getAds',
        requestBody: JSON.stringify({ channel: 'Pigeon' }),
        responseBody: rewardAnswer({ rewardType: 'FIXED_AMOUNT_PURCHASE' }),
      }),
    );

    expect(finding).toMatchObject({
      kind: 'request-violation',
      field: 'channel',
      status: undefined,
    });
  });

  test('the log counts repeated drift once with a count, and the report never shows a token', () => {
    const log = new DriftLog();
    const drifted = rewardAnswer({ rewardType: 'CASHBACK_BOOST' });
    for (let i = 0; i < 3; i++) log.add(getAds(drifted));
    log.add(
      exchange({
        method: 'POST',
        path: '/v2/session/startSession',
        requestBody: JSON.stringify({ scopes: ['api:institution'] }),
        responseBody: JSON.stringify({
          sessionToken: SESSION_TOKEN,
          requestId: 'r',
          leaked: SESSION_TOKEN,
        }),
      }),
    );

    const report = log.report({ name: 'preprod', baseURL: 'https://example.test' });
    const markdown = renderMarkdown(report);

    expect(report.exchanges).toBe(4);
    expect(report.operations).toEqual({ getAds: 3, startSession: 1 });
    expect(report.findings.find((f) => f.kind === 'unknown-enum-value')?.count).toBe(3);
    expect(report.summary).toEqual({ 'unknown-enum-value': 1, 'unknown-field': 1 });
    expect(markdown).toContain('## Enum values the contract does not list (1)');
    expect(JSON.stringify(report) + markdown).not.toContain(SESSION_TOKEN);
  });
});
