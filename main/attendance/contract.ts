import { defineArea } from '../ipc/contract-kit.ts';

// The attendance area's channels (see ../../../shared/domain.md).
export const attendanceContract = defineArea({});
