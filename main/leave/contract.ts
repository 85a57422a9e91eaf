import { defineArea } from '../ipc/contract-kit.ts';

// The leave area's channels (see ../../../shared/domain.md).
export const leaveContract = defineArea({});
