// Report folders replaced whole (report/output): the previous report or the new one, never a mix;
// a failure or an abort leaves the folder as it was; a folder holding someone else's files is
// refused; one writer at a time, a dead writer's lock and temporaries taken over and tidied.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs/promises";
import { existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutputFolder, replaceFile, type OutputFile } from "../../sim/report/output/index.ts";

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-output-"));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Every entry below a folder with its content ("<dir>" for folders), names sorted. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, full)] = entry.isDirectory()
      ? "<dir>"
      : await fs.readFile(full, "utf8");
  }
  return result;
}

const known = new Set([
  "summary.csv",
  "timeline.csv",
  "events.csv",
  "charts/",
  "charts/a.svg",
  "charts/a.png",
]);
const options = { replaceable: (name: string) => known.has(name), command: "sim run test.ts" };

const newFiles: OutputFile[] = [
  { name: "summary.csv", content: "new summary\n" },
  { name: "charts/a.svg", content: "new a\n" },
  { name: "charts/a.png", content: new Uint8Array([0x89, 0x50]) },
];

async function previousReport(): Promise<string> {
  const out = path.join(root, "report");
  await fs.mkdir(path.join(out, "charts"), { recursive: true });
  await fs.writeFile(path.join(out, "summary.csv"), "old summary\n");
  await fs.writeFile(path.join(out, "events.csv"), "old events\n");
  await fs.writeFile(path.join(out, "charts", "a.svg"), "old a\n");
  return out;
}

async function write(
  out: string,
  files: readonly OutputFile[],
  extra: Partial<Parameters<typeof OutputFolder.open>[1]> = {},
): Promise<void> {
  const folder = await OutputFolder.open(out, { ...options, ...extra });
  try {
    await folder.replace(files);
  } finally {
    await folder.release();
  }
}

/** A pid no process has any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid!;
}

const siblings = async () =>
  (await fs.readdir(root)).filter((name) => name.startsWith(".report.sim-"));

describe("OutputFolder.replace", () => {
  it("replaces the whole folder: files of the previous report not in the new one are gone, bytes stay bytes", async () => {
    const out = await previousReport();
    await write(out, newFiles);
    const { ["charts/a.png"]: png, ...texts } = await snapshot(out);
    expect(texts).toEqual({
      charts: "<dir>",
      "charts/a.svg": "new a\n",
      "summary.csv": "new summary\n",
    });
    expect(png).toBeDefined();
    expect([...(await fs.readFile(path.join(out, "charts", "a.png")))]).toEqual([0x89, 0x50]);
    expect(await siblings()).toEqual([]);
  });

  it("creates a missing folder and its parents", async () => {
    const out = path.join(root, "a", "b", "report");
    await write(out, newFiles);
    expect(Object.keys(await snapshot(out)).sort()).toEqual([
      "charts",
      "charts/a.png",
      "charts/a.svg",
      "summary.csv",
    ]);
  });

  it("leaves the previous report as it was when a write fails, and no temporary", async () => {
    const out = await previousReport();
    const before = await snapshot(out);
    let writes = 0;
    const writeFile = async (file: string, content: string | Uint8Array) => {
      if (++writes === 3) throw new Error("disk full");
      await fs.writeFile(file, content, { flag: "wx" });
    };
    await expect(write(out, newFiles, { ops: { writeFile } })).rejects.toThrow("disk full");
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual([]);
  });

  it("puts the previous report back when the second rename of the swap fails", async () => {
    const out = await previousReport();
    const before = await snapshot(out);
    let renames = 0;
    const rename = async (from: string, to: string) => {
      if (++renames === 2) throw new Error("rename failed");
      await fs.rename(from, to);
    };
    await expect(write(out, newFiles, { ops: { rename } })).rejects.toThrow("rename failed");
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual([]);
  });

  it("removes the folders it created for a report it never wrote", async () => {
    const out = path.join(root, "new", "deeper", "report");
    const writeFile = async (file: string, content: string | Uint8Array) => {
      if (file.includes("sim-new-")) throw new Error("no space");
      await fs.writeFile(file, content, { flag: "wx" });
    };
    await expect(write(out, newFiles, { ops: { writeFile } })).rejects.toThrow("no space");
    expect(await fs.readdir(root)).toEqual([]);
  });

  it("stops staging at an abort and changes nothing", async () => {
    const out = await previousReport();
    const before = await snapshot(out);
    const folder = await OutputFolder.open(out, options);
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(folder.replace(newFiles, controller.signal)).rejects.toThrow("stop");
    await folder.release();
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual([]);
  });

  it("refuses names that climb out or hide", async () => {
    const folder = await OutputFolder.open(path.join(root, "report"), options);
    for (const name of ["charts/../x.csv", "charts/.hidden", "/abs.csv", "charts//a.svg"]) {
      await expect(folder.replace([{ name, content: "" }])).rejects.toThrow(/plain file names/);
    }
    await folder.release();
  });
});

describe("OutputFolder.open refuses what it must not replace", () => {
  it("a folder holding anything that is not part of a report, listing it (litter of file managers aside)", async () => {
    const out = await previousReport();
    await fs.writeFile(path.join(out, ".DS_Store"), "");
    await write(out, newFiles);
    await fs.writeFile(path.join(out, "notes.txt"), "mine\n");
    await fs.mkdir(path.join(out, "src"));
    await fs.writeFile(path.join(out, "charts", "mine.svg"), "mine\n");
    const before = await snapshot(out);
    await expect(OutputFolder.open(out, options)).rejects.toThrow(
      /holds files that are not part of a sim report \(charts\/mine\.svg, notes\.txt, src\/\)/,
    );
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual([]);
  });

  it("a file, the root, the current folder or one above it", async () => {
    const file = path.join(root, "plain");
    await fs.writeFile(file, "x");
    await expect(OutputFolder.open(file, options)).rejects.toThrow(/exists and is not a folder/);
    await expect(OutputFolder.open("/", options)).rejects.toThrow(/root of the file system/);
    await expect(OutputFolder.open(".", options)).rejects.toThrow(
      /is the current folder or contains it/,
    );
    await expect(OutputFolder.open(path.dirname(process.cwd()), options)).rejects.toThrow(
      /is the current folder or contains it/,
    );
  });
});

describe("the lock of an output folder", () => {
  it("a second writer fails at once, naming the process and command that holds it", async () => {
    const out = path.join(root, "report");
    const first = await OutputFolder.open(out, options);
    await expect(
      OutputFolder.open(out, { ...options, command: "sim sweep other.ts" }),
    ).rejects.toThrow(
      new RegExp(
        `is being written by process ${process.pid} \\(sim run test\\.ts, since .*\\)\\. Wait for it with --wait`,
      ),
    );
    await first.replace(newFiles);
    await first.release();
    await write(out, newFiles); // released: free again
  });

  it("--wait waits until the holder releases it", async () => {
    const out = path.join(root, "report");
    const first = await OutputFolder.open(out, options);
    const waited: string[] = [];
    const second = OutputFolder.open(out, {
      ...options,
      wait: { onWait: (owner) => waited.push(owner) },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waited).toHaveLength(1);
    expect(waited[0]).toMatch(new RegExp(`process ${process.pid}`));
    await first.release();
    const folder = await second;
    await folder.replace(newFiles);
    await folder.release();
    expect(Object.keys(await snapshot(out))).toContain("summary.csv");
  });

  it("a lock of a process that no longer runs is taken over", async () => {
    const out = path.join(root, "report");
    const pid = deadPid();
    await fs.writeFile(
      path.join(root, ".report.sim-lock"),
      JSON.stringify({ pid, host: os.hostname(), since: "then", command: "sim run gone.ts" }),
    );
    await write(out, newFiles);
    expect(await siblings()).toEqual([]);
  });
});

describe("what dead processes left beside a folder", () => {
  it("is removed; a previous report moved aside by a swap cut short is put back", async () => {
    const out = await previousReport();
    const before = await snapshot(out);
    const pid = deadPid();
    await fs.rename(out, path.join(root, `.report.sim-old-${pid}-3`));
    await fs.mkdir(path.join(root, `.report.sim-new-${pid}-2`));
    await fs.writeFile(path.join(root, `.report.sim-claim-${pid}-1`), "{}");
    const folder = await OutputFolder.open(out, options);
    expect(folder.tidied).toEqual([
      `put back the previous report, which an interrupted run (process ${pid}) had moved aside`,
    ]);
    await folder.release();
    expect(await snapshot(out)).toEqual(before);
    expect(await siblings()).toEqual([]);
  });

  it("is left alone when its process still runs", async () => {
    const out = await previousReport();
    const live = path.join(root, `.report.sim-new-${process.ppid}-7`);
    await fs.mkdir(live);
    const folder = await OutputFolder.open(out, options);
    await folder.release();
    expect(existsSync(live)).toBe(true);
  });
});

describe("replaceFile", () => {
  it("replaces a file by a rename, creating its folder, and tidies temporaries of dead processes", async () => {
    const file = path.join(root, "junit", "check.xml");
    await replaceFile(file, "<old/>\n");
    const stale = path.join(root, "junit", `.check.xml.sim-new-${deadPid()}-0`);
    await fs.writeFile(stale, "half");
    await replaceFile(file, "<new/>\n");
    expect(await fs.readdir(path.join(root, "junit"))).toEqual(["check.xml"]);
    expect(await fs.readFile(file, "utf8")).toBe("<new/>\n");
  });

  it("leaves the old file when the write fails, and refuses a folder in its place", async () => {
    const file = path.join(root, "check.xml");
    await replaceFile(file, "<old/>\n");
    const writeFile = async () => {
      throw new Error("disk full");
    };
    await expect(replaceFile(file, "<new/>\n", { writeFile })).rejects.toThrow(
      /Cannot write .*check\.xml: disk full/,
    );
    expect(await fs.readdir(root)).toEqual(["check.xml"]);
    await expect(replaceFile(root, "x")).rejects.toThrow(/exists and is not a file/);
  });
});
