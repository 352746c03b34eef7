/** action_id, callback_id and block_id of the deal views. */
export const DealIds = {
  reserveCallback: 'deal_reserve',
  newFromCustomer: 'deal_new',
  approveDiscount: 'deal_discount_approve',
  declineDiscount: 'deal_discount_decline',
  approvalBlock: 'deal_approval',
  cardBlock: 'deal_card_actions',
  customerBlock: 'customer',
  unitBlock: 'unit',
  priceBlock: 'price',
  discountBlock: 'discount',
  depositBlock: 'deposit',
  depositDateBlock: 'depositDate',
  signByBlock: 'signBy',
} as const;
