// The closed word lists of leave (LEV-1…5), shared by every layer.

/** The leave types every department starts with; custom types get codes "custom-…". */
export const defaultLeaveCodes = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'paternity', 'bereavement', 'lieu'] as const;
export type DefaultLeaveCode = (typeof defaultLeaveCodes)[number];

/**
 * How a type's balance is reckoned: 'annual' by years of work (LEV-3, pro-rated for new hires),
 * 'cap' a yearly cap (LEV-2), 'event' days per occasion (LEV-4), 'lieu' earned by rest-day
 * overtime (OT-2), 'none' no balance (sick leave with a certificate, LEV-1).
 */
export const entitlements = ['annual', 'cap', 'event', 'lieu', 'none'] as const;
export type Entitlement = (typeof entitlements)[number];

/** A request starts in the morning ('full') or at midday ('pm'), and ends in the evening ('full') or at midday ('am'). */
export const startParts = ['full', 'pm'] as const;
export const endParts = ['full', 'am'] as const;
export const requestStatuses = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export function isDefaultLeaveCode(code: string): code is DefaultLeaveCode {
  return (defaultLeaveCodes as readonly string[]).includes(code);
}
