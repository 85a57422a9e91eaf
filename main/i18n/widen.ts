/** The shape of a catalogue with every string widened: what the English catalogue must match. */
export type Widen<T> = T extends string ? string : { -readonly [K in keyof T]: Widen<T[K]> };
