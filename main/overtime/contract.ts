import { defineArea } from '../ipc/contract-kit.ts';

// The overtime area's channels (see ../../../shared/domain.md).
export const overtimeContract = defineArea({});
