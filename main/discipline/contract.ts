import { defineArea } from '../ipc/contract-kit.ts';

// The discipline area's channels (see ../../../shared/domain.md).
export const disciplineContract = defineArea({});
