import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../../src/fake-slack/slack-driver.ts';

describe('the driver in front of two instances', () => {
  const hits = [0, 0];
  const servers = hits.map((_, i) =>
    http.createServer((req, res) => {
      hits[i] += 1;
      req.resume();
      req.on('end', () => res.end(''));
    }),
  );
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it('sends each request to the next instance in turn, as a load balancer would', async () => {
    const ports = await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve) =>
            server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
          ),
      ),
    );
    const fake = await new FakeSlack({ botToken: 'xoxb-unit' }).start();
    const driver = new SlackDriver({
      eventsUrl: ports.map((port) => `http://127.0.0.1:${port}/slack/events`),
      signingSecret: 'secret',
      fake,
    });
    for (let i = 0; i < 6; i += 1) await driver.command('U0SALES001', '/org');
    expect(hits).toEqual([3, 3]);
    await fake.stop();
  });
});
