// The closed word lists of attendance (ATT-1…8), shared by every layer.

/** Import fields the columns of a clock file can map to (ATT-1). */
export const punchImportFields = ['employeeNo', 'name', 'dateTime', 'date', 'time', 'device'] as const;
export type PunchImportField = (typeof punchImportFields)[number];

export const anomalyKinds = ['missing-punch', 'unapproved-overtime'] as const;
/** missing-punch: corrected or absence (ATT-7); unapproved-overtime: ignored or counted (OT-1). */
export const resolutions = ['corrected', 'absence', 'ignored', 'counted'] as const;

/** The resolutions that fit each kind of anomaly, in the order the dialog offers them. */
export const resolutionsOf: Readonly<Record<(typeof anomalyKinds)[number], ReadonlyArray<(typeof resolutions)[number]>>> = {
  'missing-punch': ['corrected', 'absence'],
  'unapproved-overtime': ['ignored', 'counted'],
};

/** The marks of a day in the sheet, in the order the legend lists them. */
export const markKeys = [
  'present',
  'late',
  'early',
  'absent',
  'absentHalf',
  'leave',
  'rest',
  'overtime',
  'missing',
  'unapproved',
  'pending',
  'nodata',
  'unpublished',
  'none',
] as const;
