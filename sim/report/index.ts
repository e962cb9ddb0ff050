// Reports: the only layer besides the CLI that touches the file system.
export { writeRunReport, runReportFiles, type RunReportInput } from "./run-report.ts";
export { writeFilesAtomically, type ReportFile, type FileOps } from "./atomic-write.ts";
export { toCsv, summaryCsv, timelineCsv, eventsCsv, summaryCells, summaryHeader, timelineHeader, eventsHeader, type SummaryRow } from "./csv.ts";
export { describeEvent, type EventLine } from "./event-detail.ts";
export { summaryTable, type SummaryTableInput } from "./summary-table.ts";
