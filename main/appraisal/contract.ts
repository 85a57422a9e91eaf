import { defineArea } from '../ipc/contract-kit.ts';

// The appraisal area's channels (see ../../../shared/domain.md).
export const appraisalContract = defineArea({});
