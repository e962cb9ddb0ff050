// The documentation's links hold: every relative link in README.md and docs/*.md names a file
// that exists and, when it has a #fragment into a Markdown page, a heading of that page; and every
// code comment that cites a page of docs/ (`docs/metrics.md#metrics`) cites one that exists, at a
// heading it has. Anchors are GitHub's: the heading's text lower-cased, punctuation dropped,
// spaces made hyphens, a repeated heading numbered (-1, -2, …). A page of another project cited
// in a comment is written after its repository (`openark/orchestrator docs/…`) and not checked.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..", "..");

/** GitHub's anchor for a heading's text (github-slugger's rule). */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Markdown with fenced code blocks and inline code spans blanked (links in code are not links). */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "``");
}

/** The anchors of a Markdown page: one per heading outside code blocks. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const text = markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, "");
  for (const match of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(match[1].replace(/`/g, ""));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The relative link targets of a Markdown page: `[text](target)` and `![alt](target)`. */
function linksOf(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** What is wrong with a link from `fromFile` (a path under the repository), or null. */
function brokenLink(fromFile: string, target: string): string | null {
  const [file, fragment] = target.split("#", 2) as [string, string | undefined];
  const resolved =
    file === "" ? path.join(root, fromFile) : path.join(root, path.dirname(fromFile), file);
  if (!existsSync(resolved)) return `${target}: no such file (${path.relative(root, resolved)})`;
  if (fragment === undefined || fragment === "") return null;
  if (!resolved.endsWith(".md") || statSync(resolved).isDirectory()) return null;
  const anchors = anchorsOf(readFileSync(resolved, "utf8"));
  return anchors.has(fragment)
    ? null
    : `${target}: ${path.relative(root, resolved)} has no heading #${fragment}`;
}

const pages = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

function codeFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((entry) => {
    const relative = `${dir}/${entry}`;
    if (statSync(path.join(root, relative)).isDirectory()) return codeFiles(relative);
    return /\.(ts|js|mjs)$/.test(entry) ? [relative] : [];
  });
}

/** The pages of docs/ a code file cites, as `docs/<page>.md` or `docs/<page>.md#<anchor>`,
 *  leaving out another project's pages (the citation follows its `owner/repository`). */
function citationsOf(code: string): string[] {
  const citations: string[] = [];
  for (const match of code.matchAll(/(?<![\w/.-])docs\/[\w.-]+\.md(?:#[\w-]+)?/g)) {
    const before = code
      .slice(0, match.index)
      .replace(/(?:\s|\/\/|\*)+$/, "")
      .match(/\S*$/)![0]
      .replace(/^[(["'`]+/, "");
    if (/^[\w.-]+\/[\w.-]+$/.test(before)) continue;
    citations.push(match[0]);
  }
  return citations;
}

describe("links in the README and docs/", () => {
  it("finds the pages", () => {
    expect(pages).toContain("docs/DESIGN.md");
    expect(pages.length).toBeGreaterThan(10);
  });

  for (const page of pages) {
    it(`${page}: every relative link and anchor resolves`, () => {
      const broken = linksOf(readFileSync(path.join(root, page), "utf8"))
        .map((target) => brokenLink(page, target))
        .filter((problem) => problem !== null);
      expect(broken).toEqual([]);
    });
  }
});

describe("code comments citing docs/", () => {
  // This file's own strings are the checker's fixtures, not citations.
  const files = ["sim", "test", "scripts", "bin", "scenarios"]
    .flatMap(codeFiles)
    .filter((file) => file !== "test/docs/links.test.ts");

  it("cite pages that exist, at headings they have", () => {
    const broken: string[] = [];
    let cited = 0;
    for (const file of files) {
      for (const citation of citationsOf(readFileSync(path.join(root, file), "utf8"))) {
        cited++;
        const problem = brokenLink(".", citation);
        if (problem !== null) broken.push(`${file}: ${problem}`);
      }
    }
    expect(broken).toEqual([]);
    expect(cited).toBeGreaterThan(5);
  });

  it("cite the design by its path in this repository, never by a section number", () => {
    const stray = files.filter((file) =>
      /(?<!docs\/)DESIGN\.md|DESIGN\.md\s*§/.test(readFileSync(path.join(root, file), "utf8")),
    );
    expect(stray).toEqual([]);
  });
});

describe("the checker itself", () => {
  it("makes GitHub's anchors", () => {
    expect(slug("Library API: runScenario in your own tests")).toBe(
      "library-api-runscenario-in-your-own-tests",
    );
    expect(slug("Swarm fuzzing: sim fuzz --swarm")).toBe("swarm-fuzzing-sim-fuzz---swarm");
    expect(slug("Ctrl-C and --resume")).toBe("ctrl-c-and---resume");
    expect([...anchorsOf("# A\n\n```\n# not a heading\n```\n## A\n")]).toEqual(["a", "a-1"]);
  });

  it("reports a missing file, a missing heading, and skips links in code and to the web", () => {
    const page = "[a](nope.md) [b](metrics.md#no-such) `[c](nope.md)` [d](https://x.org/y.md)";
    expect(linksOf(page)).toEqual(["nope.md", "metrics.md#no-such"]);
    expect(brokenLink("docs/x.md", "nope.md")).toMatch(/no such file/);
    expect(brokenLink("docs/x.md", "metrics.md#no-such")).toMatch(/has no heading #no-such/);
    expect(brokenLink("docs/x.md", "metrics.md#metrics")).toBeNull();
  });

  it("tells this repository's pages from another project's", () => {
    const comment = [
      "// see docs/metrics.md#metrics and (openark/orchestrator docs/failure-detection.md)",
      "/** (openark/orchestrator",
      " *  docs/topology-recovery.md), package/docs/checks.md */",
    ].join("\n");
    expect(citationsOf(comment)).toEqual(["docs/metrics.md#metrics"]);
  });
});
