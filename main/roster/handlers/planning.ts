import type { RosterHandlers } from './types.ts';
import { notBuilt } from './types.ts';

// Staffing from demand (ROS-6), hand-over files (ROS-8) and the XLSX export.
export const planningHandlers: Pick<
  RosterHandlers,
  'staffing' | 'importDemand' | 'coverageFromStaffing' | 'exportHandover' | 'previewHandover' | 'applyHandover' | 'exportXlsx'
> = {
  staffing: notBuilt,
  importDemand: notBuilt,
  coverageFromStaffing: notBuilt,
  exportHandover: notBuilt,
  previewHandover: notBuilt,
  applyHandover: notBuilt,
  exportXlsx: notBuilt,
};
