// Signed payloads both sides of the benchmark are driven with.
import type { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import { VisitIds } from '../src/views/ids.ts';
import { visitModal } from '../src/views/visits/visit-modal.ts';

const view = visitModal({
  locale: 'zh-Hant',
  kind: 'property',
  callbackId: VisitIds.fileCallback,
  nowSeconds: Math.floor(Date.now() / 1000),
});
export function submission(driver: SlackDriver, i: number): Record<string, unknown> {
  const stored = { id: `VBENCH${i}`, user: 'U0SALES001', hash: `h${i}`, view: { ...view, id: `VBENCH${i}` } };
  const filers = ['U0SALES001', 'U0SALES002', 'U0SALES003', 'U0TRAIN001'];
  return driver.viewSubmissionPayload(filers[i % 4], stored, {
    customerName: `客戶${i}`,
    phone: `139${String(i).padStart(8, '0')}`,
    visitAt: Math.floor(Date.now() / 1000) - 60,
    partySize: '2',
    source: 'walk_in',
    visitType: 'first',
    grade: 'B',
  });
}

/** A click on a registration's Approve button, as its team lead: each click decides another registration. */
export function approveClick(driver: SlackDriver, visitId: number, lead: string): Record<string, unknown> {
  const message = {
    channel: 'G0BENCH',
    ts: `${visitId}.000001`,
    user: 'UBOT',
    text: '',
    blocks: [
      {
        type: 'actions',
        block_id: 'visit_decision',
        elements: [
          {
            type: 'button',
            action_id: 'visit_approve',
            value: String(visitId),
            text: { type: 'plain_text', text: '通過' },
          },
        ],
      },
    ],
  };
  return driver.clickButtonPayload(lead, message, 'visit_approve');
}
