// The closed word lists of the people area (ORG-1, ORG-2, ORG-3), shared by every layer.
export const roles = ['manager', 'supervisor', 'leader', 'agent'] as const;
export const functions = ['service', 'tech', 'operations', 'data'] as const;
export const statuses = ['active', 'left'] as const;
export type Role = (typeof roles)[number];
export type PersonFunction = (typeof functions)[number];
export type PersonStatus = (typeof statuses)[number];

/** Import fields the columns of a people file can map to. */
export const importFields = [
  'employeeNo',
  'name',
  'group',
  'role',
  'function',
  'hireDate',
  'firstEmploymentDate',
  'status',
  'leftOn',
  'dailyWage',
  'phone',
  'note',
] as const;
export type ImportField = (typeof importFields)[number];
