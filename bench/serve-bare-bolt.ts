// The baseline: a Bolt app that only acks, on the same machine, taking the same signed traffic.
import { App, LogLevel } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  token: 'xoxb-bare',
  tokenVerificationEnabled: false,
  botId: 'B0BARE',
  botUserId: 'U0BARE',
  logLevel: LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => ack());
app.view(/.*/, async ({ ack }) => ack());
app.action(/.*/, async ({ ack }) => ack());
const server = (await app.start(0)) as Server;
console.log(`PORT=${(server.address() as AddressInfo).port}`);
