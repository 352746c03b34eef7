import { describe, expect, it } from 'vitest';
import { PLAN_KINDS } from '../../src/domain/plans/plan-rules.ts';
import { LOCALES, type Locale } from '../../src/i18n/index.ts';
import type { ModalView } from '@slack/types';
import { newAccountModal } from '../../src/views/accounts/account-modal.ts';
import { phoneLogModal } from '../../src/views/accounts/phone-call-views.ts';
import { cancelModal } from '../../src/views/deals/deal-modals.ts';
import { claimModal } from '../../src/views/expenses/claim-modal.ts';
import { feedbackModal, issueModal } from '../../src/views/issues/issue-modals.ts';
import { planModal } from '../../src/views/plans/plan-views.ts';
import { focusModal } from '../../src/views/rhythm/focus-views.ts';
import { attendanceModal, researchModal, taskModal } from '../../src/views/tasks/task-modals.ts';

/** Slack writes "(optional)"/（選填）after an optional input's label itself: the label must not say it again. */
const SAYS_OPTIONAL = /選填|可空白|如有|optional|may be empty|if any/i;

const call = {
  id: 1,
  code: 'D001',
  name: '華東經銷',
  kind: 'distributor',
  market: 'east',
  callerId: 'U1',
  reasons: [],
  status: 'planned',
  outcome: '',
  nextStep: '',
};

function modalsIn(locale: Locale): [string, ModalView][] {
  const people = [{ assignmentId: 1, name: '劉大偉', attendance: null, mark: null }];
  return [
    ...PLAN_KINDS.map((kind): [string, ModalView] => [
      `plan ${kind}`,
      planModal({ locale, kind, initial: {}, approvers: '' }),
    ]),
    ['task', taskModal(locale, '2026-12-01', [{ id: 'U1', name: '劉大偉' }])],
    ['research', researchModal(locale, 1)],
    ['attendance', attendanceModal(locale, 1, people, 200)],
    ['issue (brand)', issueModal(locale)],
    ['issue (site)', issueModal(locale, undefined, { site: true })],
    ['feedback', feedbackModal(locale)],
    [
      'claim',
      claimModal({ locale, categories: ['travel'], today: '2026-11-26', callbackId: 'c', privateMetadata: '' }),
    ],
    ['account', newAccountModal({ locale, markets: [], owners: [], today: '2026-11-26' })],
    ['deal cancel', cancelModal({ locale, dealId: 1, summary: 'A-101' })],
    ['phone log', phoneLogModal({ locale, call })],
    [
      'focus',
      focusModal({
        locale,
        month: '2026-12',
        site: false,
        rows: [{ code: 'E', name: '華東', targets: '', focus: '' }],
      }),
    ],
  ];
}

describe.each(LOCALES)('optional inputs in %s', (locale) => {
  it('leave "optional" to Slack: no optional input says it in its label, and each form has one', () => {
    for (const [name, view] of modalsIn(locale)) {
      const inputs = view.blocks.filter((b) => b.type === 'input') as { optional?: boolean; label: { text: string } }[];
      const optional = inputs.filter((b) => b.optional);
      expect(optional.length, name).toBeGreaterThan(0);
      for (const input of optional) expect(input.label.text, name).not.toMatch(SAYS_OPTIONAL);
    }
  });
});
