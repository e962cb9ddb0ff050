// CLI test scenario: invalid on purpose (a misspelt field), so it is not wrapped in defineScenario.
export default {
  name: "misspelt",
  summary: "Has a typo.",
  duraton: "10s",
  nodes: { db1: { role: "primary" }, mon: { role: "monitor" } },
};
