/** action_id, callback_id and block_id of the shipment form and the shipment's message. */
export const LedgerIds = {
  shipCallback: 'ledger_ship',
  confirmDelivery: 'ledger_confirm_delivery',
  orderBlock: 'ship_order',
  dateBlock: 'ship_date',
  carrierBlock: 'ship_carrier',
  waybillBlock: 'ship_waybill',
  linePrefix: 'ship_line_',
  deliveryBlock: 'shipment_delivery',
} as const;
