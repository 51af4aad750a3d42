import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { LocalBus } from './event-bus.ts';

type PutEventsEntry = {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Time?: number | string;
  Resources?: string[];
};

/**
 * The local stand-in for EventBridge's API: answers PutEvents (JSON 1.1, as the SDK speaks it) and
 * hands each event to the local bus, which routes it by the same rules CDK deploys. With
 * AWS_ENDPOINT_URL_EVENTBRIDGE pointing here, publishing code is the same as in AWS.
 */
export const startEventBridgeServer = async (bus: LocalBus, options: { busName: string; region: string }) => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body));
      };
      if (req.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
        reply(400, {
          __type: 'UnknownOperationException',
          message: `Only PutEvents is emulated (got ${req.headers['x-amz-target']})`,
        });
        return;
      }
      let entries: PutEventsEntry[];
      try {
        entries =
          (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries?: PutEventsEntry[] }).Entries ??
          [];
      } catch {
        reply(400, { __type: 'ValidationException', message: 'body is not JSON' });
        return;
      }
      const results = entries.map((entry) => {
        if (entry.EventBusName && entry.EventBusName !== options.busName) {
          return {
            ErrorCode: 'ResourceNotFoundException',
            ErrorMessage: `No event bus ${entry.EventBusName}`,
          };
        }
        let detail: Record<string, unknown>;
        try {
          detail = JSON.parse(entry.Detail ?? '{}');
        } catch {
          return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is not JSON' };
        }
        const id = randomUUID();
        const time =
          entry.Time === undefined
            ? new Date()
            : new Date(typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time);
        bus.put({
          version: '0',
          id,
          source: entry.Source ?? '',
          'detail-type': entry.DetailType ?? '',
          time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          account: '000000000000',
          region: options.region,
          resources: entry.Resources ?? [],
          detail,
        });
        return { EventId: id };
      });
      reply(200, { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
