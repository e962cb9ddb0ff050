// Reports: a run's CSV files, charts and report.html, the `sim explain` story, and writing any
// output whole (output/: a report folder swapped in under its lock, a single file renamed into
// place) — the module every command that writes a report or a file goes through.
export {
  writeRunReport,
  runReportFiles,
  runReportNames,
  type RunReportInput,
  type CsvReportInput,
  type RunReportOptions,
} from "./run-report.ts";
export * from "./output/index.ts";
export {
  neutralCell,
  toCsv,
  summaryCsv,
  groupsCsv,
  timelineCsv,
  eventsCsv,
  summaryCells,
  summaryHeader,
  timelineHeader,
  eventsHeader,
  type SummaryRow,
} from "./csv.ts";
export { groupColumns, groupsHeader, groupCells } from "./group-columns.ts";
export { describeEvent, type EventLine } from "./event-detail.ts";
export { summaryTable, type SummaryTableInput } from "./summary-table.ts";
export {
  runCharts,
  runChartNames,
  type ChartDefinition,
  type RunChartName,
} from "./charts/run-charts.ts";
export {
  renderChart,
  renderSvg,
  svgToPng,
  fontFiles,
  type RenderedChart,
} from "./charts/render.ts";
export { reportPage, type ReportPageInput } from "./html/report-page.ts";
