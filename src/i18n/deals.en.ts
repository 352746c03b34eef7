import type { dealsZhHant } from './deals.zh-hant.ts';

export const dealsEn: Record<keyof typeof dealsZhHant, string> = {
  'error.units_file_invalid':
    'The units file {file} has problems. Neither the org file nor the units were loaded; nothing changed:\n{problems}',
  'org.file.reason.units_file': 'the units file must be .csv or .xlsx',
  'org.file.reason.unit_empty': 'the units file is empty',
  'org.file.reason.unit_columns':
    'missing columns: {value} (building, unit, floor, layout, area, list_price are needed)',
  'org.file.reason.unit_too_many': 'more than {value} units',
  'org.file.reason.unit_required': '"{value}" may not be empty',
  'org.file.reason.unit_too_long': 'building or unit too long: {value}',
  'org.file.reason.unit_floor': 'floor "{value}" must be a whole number',
  'org.file.reason.unit_area': 'area "{value}" must be a number above 0, at most two decimals',
  'org.file.reason.unit_price':
    'list price "{value}" must be an amount above 0, at most two decimals, at most 10,000,000,000',
  'org.file.reason.unit_duplicate': 'unit {value} appears twice',
  'org.file.reason.unit_unreadable': 'unreadable ({value})',
  'units.reload.done': 'Units: {added} added, {updated} updated.',
  'units.state.available': 'available',
  'units.state.held': 'held',
  'units.state.reserved': 'reserved',
  'units.state.contracted': 'contracted',
  'units.state.sold': 'sold',
  'units.board.title': 'Sales-control board',
  'units.board.total': '{mark} {state}: {count} units, {amount}',
  'units.board.none': 'No units match.',
  'units.board.footer':
    'Page {page}/{pages} · filter: /units [building] [layout] [available|held|reserved|contracted|sold] [p2] · buildings: {buildings}',
  'units.not_allowed': 'The board is for the project manager, the deputy, the secretary and the team leads.',
  'units.pm_only': 'Only the project manager holds, releases or prices units.',
  'units.unknown_word':
    'Unknown "{word}": give a building, a layout, a state (available, held, reserved, contracted, sold) or a page (p2).',
  'units.cannot_hold': 'Only an available unit can be held.',
  'units.cannot_release': 'Only a held unit can be released.',
  'units.state_set': 'Unit {unit} is now {state}.',
  'units.price.set': 'The list price of unit {unit} changed from {from} to {to}.',
  'units.price.changed_meanwhile': 'Someone changed the price just now; look again before changing it.',
  'units.price.error.required': 'Give the new list price.',
  'units.price.error.format': 'Give an amount in figures, at most two decimals.',
  'units.price.error.not_positive': 'The list price must be above 0.',
  'units.price.error.too_large': 'The list price is at most {max}.',
  'units.card': '{mark} *{unit}* · floor {floor} · {layout} · {area} m² · list {price} · {state}',
  'units.history.none': 'No changes yet.',
  'units.help':
    '/units [building] [layout] [state] [p2]: the board\n/units history BUILDING UNIT: a unit and its changes\n/units hold|release BUILDING UNIT [note]: hold or release (the PM)\n/units price BUILDING UNIT AMOUNT: change the list price (the PM)',
  'home.units': '*Sales-control board* (`/units` shows each building)',
};
