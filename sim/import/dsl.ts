// What the importer takes from the scenario language: the duration text every value is written
// in, the presets (whose values are the systems' defaults, read rather than repeated here) and
// the names of presets and roles. The one place this room reaches the public scenario entry, so
// a move of the language's values costs one import line.
export {
  formatDuration,
  parseDuration,
  presets,
  type PolicySpec,
  type PresetName,
  type Role,
} from "../scenario/index.ts";
