import { describe, expect, it } from 'vitest';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../../src/fake-slack/slack-driver.ts';
import { readViewValues } from '../../src/slack/listeners/read-view-values.ts';

const option = (text: string, value: string) => ({ text: { type: 'plain_text', text }, value });
const view = {
  type: 'modal',
  blocks: [
    {
      type: 'input',
      block_id: 'unit',
      element: {
        type: 'static_select',
        action_id: 'unit_input',
        option_groups: [
          { label: { type: 'plain_text', text: '1棟' }, options: [option('1801 · A三房', '69')] },
          { label: { type: 'plain_text', text: '2棟' }, options: [option('2801 · A三房', '90')] },
        ],
      },
    },
    { type: 'input', block_id: 'assignee', element: { type: 'users_select', action_id: 'assignee_input' } },
  ],
};

describe('a modal submitted in the sandbox reaches the bot as Slack sends it', () => {
  const driver = new SlackDriver({ eventsUrl: 'http://127.0.0.1:9/', signingSecret: 's', fake: new FakeSlack() });
  const payload = driver.viewSubmissionPayload(
    'U0MKTMGR01',
    { id: 'V1', user: 'U0MKTMGR01', view, hash: 'h' },
    {
      unit: '90',
      assignee: 'U0UNITMG01',
    },
  ) as { view: { state: { values: Record<string, Record<string, unknown>> } } };

  it("gives a grouped static_select's chosen option with its own text and value", () => {
    expect(payload.view.state.values.unit?.unit_input).toEqual({
      type: 'static_select',
      selected_option: option('2801 · A三房', '90'),
    });
  });

  it('gives a users_select as selected_user, which the bot reads as the person chosen', () => {
    expect(payload.view.state.values.assignee?.assignee_input).toEqual({
      type: 'users_select',
      selected_user: 'U0UNITMG01',
    });
    expect(readViewValues(payload.view)).toEqual({ unit: '90', assignee: 'U0UNITMG01' });
  });
});
