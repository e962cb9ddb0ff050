// Schema pieces the fault kinds share: a name as a fault writes it (checked against the scenario
// at resolution, not here) and groups of names for a partition or a blip.
import * as z from "zod";

/** A node, client group or zone, as a fault names it. */
export const faultName = z.string({ error: "a name" });

const groupsExpectation = `two or more groups of names, like ["east"], ["west"]`;

/** Two or more non-empty groups of names. */
export const faultGroups = z
  .array(
    z
      .array(z.string({ error: "a name" }), { error: `a group of names, like ["db1", "east"]` })
      .min(1, { error: "a group with at least one name" }),
    { error: groupsExpectation },
  )
  .min(2, { error: groupsExpectation });
