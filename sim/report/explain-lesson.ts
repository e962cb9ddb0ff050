// The lesson of a scenario, read from its header comment: the paragraph that starts with
// "The lesson:" in the `//` comment block that opens the file (the teaching library's header
// format, see scenarios/split-brain.ts). Pure text in, text out; the CLI reads the file.
// A file without such a paragraph simply has no lesson.

export function lessonFromSource(source: string): string | undefined {
  const header: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    const match = /^\s*\/\/ ?(.*)$/.exec(line);
    if (match === null) break;
    header.push(match[1].trimEnd());
  }
  const start = header.findIndex((line) => line.startsWith("The lesson:"));
  if (start < 0) return undefined;
  const paragraph: string[] = [];
  for (const line of header.slice(start)) {
    if (line.trim() === "") break;
    paragraph.push(line.trim());
  }
  const text = paragraph
    .join(" ")
    .replace(/^The lesson:\s*/, "")
    .trim();
  return text === "" ? undefined : text;
}
