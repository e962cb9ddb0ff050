// Type helpers the kind registries share (faults/, detectors/, fencing/, failback/): a registry
// merges what every kind contributes — settings, fields, a scenario's written form — into one
// type, the intersection of the kinds' own.

/** The intersection of the members of a union: `A | B` → `A & B`. */
export type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
