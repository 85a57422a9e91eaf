import type { ApiOf } from './ipc/contract-kit.ts';
import { systemContract } from './system/contract.ts';
import { backupContract } from './backup/contract.ts';
import { auditContract } from './audit/contract.ts';
import { peopleContract } from './people/contract.ts';
import { settingsContract } from './settings/contract.ts';
import { rosterContract } from './roster/contract.ts';
import { leaveContract } from './leave/contract.ts';
import { overtimeContract } from './overtime/contract.ts';
import { attendanceContract } from './attendance/contract.ts';
import { appraisalContract } from './appraisal/contract.ts';
import { disciplineContract } from './discipline/contract.ts';

/** Every channel of the app, by area; both transports (Electron IPC and HTTP) serve exactly these. */
export const contract = {
  system: systemContract,
  backup: backupContract,
  audit: auditContract,
  people: peopleContract,
  settings: settingsContract,
  roster: rosterContract,
  leave: leaveContract,
  overtime: overtimeContract,
  attendance: attendanceContract,
  appraisal: appraisalContract,
  discipline: disciplineContract,
};

export type Contract = typeof contract;
export type Api = ApiOf<Contract>;
