// Atomic report output: all files or none; a failure leaves the folder exactly as it was.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFilesAtomically, type ReportFile } from "../../sim/report/atomic-write.ts";

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-atomic-"));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Every file below a folder with its content, names sorted. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of (await fs.readdir(dir, { recursive: true, withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, full);
    result[key] = entry.isDirectory() ? "<dir>" : await fs.readFile(full, "utf8");
  }
  return result;
}

const newFiles: ReportFile[] = [
  { name: "summary.csv", content: "new summary\n" },
  { name: "timeline.csv", content: "new timeline\n" },
  { name: "events.csv", content: "new events\n" },
];

async function oldReport(): Promise<string> {
  const out = path.join(root, "report");
  await fs.mkdir(out);
  await fs.writeFile(path.join(out, "summary.csv"), "old summary\n");
  await fs.writeFile(path.join(out, "events.csv"), "old events\n");
  await fs.writeFile(path.join(out, "notes.txt"), "mine\n");
  return out;
}

describe("writeFilesAtomically", () => {
  it("creates the folder, replaces files, keeps other files and leaves no temp folder", async () => {
    const out = await oldReport();
    const written = await writeFilesAtomically(out, newFiles);
    expect(written).toEqual(newFiles.map((file) => path.join(out, file.name)));
    expect(await snapshot(out)).toEqual({
      "events.csv": "new events\n",
      "notes.txt": "mine\n",
      "summary.csv": "new summary\n",
      "timeline.csv": "new timeline\n",
    });
    const fresh = path.join(root, "a", "b");
    await writeFilesAtomically(fresh, newFiles);
    expect(Object.keys(await snapshot(fresh))).toEqual(["events.csv", "summary.csv", "timeline.csv"]);
  });

  it("leaves an existing folder untouched when a write fails", async () => {
    const out = await oldReport();
    const before = await snapshot(out);
    let writes = 0;
    const failingWrite = async (file: string, content: string) => {
      if (++writes === 2) throw new Error("disk full");
      await fs.writeFile(file, content);
    };
    await expect(writeFilesAtomically(out, newFiles, { writeFile: failingWrite })).rejects.toThrow("disk full");
    expect(await snapshot(out)).toEqual(before);
  });

  it("restores replaced files when a rename fails halfway", async () => {
    const out = await oldReport();
    const before = await snapshot(out);
    let renames = 0;
    // Renames: summary aside, summary in, timeline in (fails) — summary must come back.
    const failingRename = async (from: string, to: string) => {
      if (++renames === 3) throw new Error("rename failed");
      await fs.rename(from, to);
    };
    await expect(writeFilesAtomically(out, newFiles, { rename: failingRename })).rejects.toThrow("rename failed");
    expect(await snapshot(out)).toEqual(before);
  });

  it("removes a folder it created when the write fails", async () => {
    const out = path.join(root, "new", "report");
    const failingWrite = async () => {
      throw new Error("no space");
    };
    await expect(writeFilesAtomically(out, newFiles, { writeFile: failingWrite })).rejects.toThrow("no space");
    expect(await fs.readdir(root)).toEqual([]);
  });

  it("refuses a destination that is a file, a file that is a folder, and bad names, touching nothing", async () => {
    const file = path.join(root, "plain");
    await fs.writeFile(file, "x");
    await expect(writeFilesAtomically(file, newFiles)).rejects.toThrow(/not a folder/);
    const out = await oldReport();
    await fs.mkdir(path.join(out, "timeline.csv"));
    const before = await snapshot(out);
    await expect(writeFilesAtomically(out, newFiles)).rejects.toThrow(/is not a file/);
    expect(await snapshot(out)).toEqual(before);
    await expect(writeFilesAtomically(out, [{ name: "../escape.csv", content: "" }])).rejects.toThrow(/plain file name/);
    expect(await snapshot(out)).toEqual(before);
  });
});

describe("writeFilesAtomically with a subfolder and obsolete files", () => {
  const withCharts: ReportFile[] = [
    ...newFiles,
    { name: "charts/a.svg", content: "new a\n" },
    { name: "charts/a.png", content: new Uint8Array([0x89, 0x50]) },
  ];

  it("writes files into a subfolder it creates, bytes as bytes", async () => {
    const out = await oldReport();
    await writeFilesAtomically(out, withCharts);
    const snap = await snapshot(out);
    expect(snap["charts"]).toBe("<dir>");
    expect(snap[path.join("charts", "a.svg")]).toBe("new a\n");
    expect([...(await fs.readFile(path.join(out, "charts", "a.png")))]).toEqual([0x89, 0x50]);
  });

  it("moves obsolete files away, and a subfolder they leave empty", async () => {
    const out = await oldReport();
    await writeFilesAtomically(out, withCharts);
    await writeFilesAtomically(out, newFiles, {}, ["charts/a.svg", "charts/a.png", "charts/b.svg"]);
    expect(Object.keys(await snapshot(out))).toEqual(["events.csv", "notes.txt", "summary.csv", "timeline.csv"]);
  });

  it("keeps a subfolder that still holds someone else's file", async () => {
    const out = await oldReport();
    await writeFilesAtomically(out, withCharts);
    await fs.writeFile(path.join(out, "charts", "mine.txt"), "mine\n");
    await writeFilesAtomically(out, newFiles, {}, ["charts/a.svg", "charts/a.png"]);
    expect(await fs.readdir(path.join(out, "charts"))).toEqual(["mine.txt"]);
  });

  it("restores obsolete and replaced files, and removes a subfolder it created, when a rename fails", async () => {
    const out = await oldReport();
    await fs.writeFile(path.join(out, "report.html"), "old page\n");
    await fs.writeFile(path.join(out, "old.html"), "old too\n");
    const before = await snapshot(out);
    let renames = 0;
    // summary aside, summary in, timeline in, events aside, events in, charts/a.svg in,
    // charts/a.png in, report.html aside (obsolete), old.html aside — which fails.
    const failingRename = async (from: string, to: string) => {
      if (++renames === 9) throw new Error("rename failed");
      await fs.rename(from, to);
    };
    await expect(writeFilesAtomically(out, withCharts, { rename: failingRename }, ["report.html", "old.html"])).rejects.toThrow(
      "rename failed",
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it("refuses names that climb out or hide, and a subfolder that is a file", async () => {
    const out = await oldReport();
    for (const name of ["charts/../x.csv", "charts/.hidden", "/abs.csv", "charts//a.svg"]) {
      await expect(writeFilesAtomically(out, [{ name, content: "" }])).rejects.toThrow(/plain file names/);
    }
    await fs.writeFile(path.join(out, "charts"), "a file");
    await expect(writeFilesAtomically(out, withCharts)).rejects.toThrow(/is not a folder/);
  });
});
