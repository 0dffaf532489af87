import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link in the README, CONTRIBUTING and docs/ points to a file that exists (and, for a
 * `#fragment` into a Markdown file, to one of its headings): the documentation is split over many
 * files, and a moved or renamed page must not leave readers at a dead end.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Link {
  line: number;
  target: string;
}

/** Inline links and images `[text](target)`, and reference definitions `[id]: target`, outside code. */
function markdownLinks(markdown: string): Link[] {
  const links: Link[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((raw, i) => {
    const opener = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (opener) {
      if (fence === null) fence = opener[0] as string;
      else if (opener[0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const line = raw.replace(/`[^`]*`/g, '');
    for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line: i + 1, target: m[1] as string });
    }
    const ref = /^\s{0,3}\[[^\]]+\]:\s+<?(\S+?)>?(?:\s+.*)?$/.exec(line);
    if (ref) links.push({ line: i + 1, target: ref[1] as string });
  });
  return links;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    const h = inFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const base = headingAnchor((h[1] as string).replace(/`/g, ''));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** The broken relative links of one Markdown file, as "file:line → target (why)". */
function brokenLinks(
  file: string,
  markdown: string,
  exists: (file: string) => boolean = existsSync,
  read = readFile,
): string[] {
  const problems: string[] = [];
  for (const { line, target } of markdownLinks(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // https:, mailto: …
    const [pathPart = '', fragment] = target.split('#');
    const where = `${path.relative(ROOT, file)}:${line} → ${target}`;
    const resolved = pathPart === '' ? file : path.resolve(path.dirname(file), decodeURI(pathPart));
    if (!resolved.startsWith(ROOT)) {
      problems.push(`${where} (outside the repository)`);
      continue;
    }
    if (!exists(resolved)) {
      problems.push(`${where} (no such file)`);
      continue;
    }
    if (fragment && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(fragment)) {
      problems.push(`${where} (no heading #${fragment})`);
    }
  }
  return problems;
}

function readFile(file: string): string {
  return readFileSync(file, 'utf8');
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return name.endsWith('.md') ? [full] : [];
  });
}

describe('relative links in the documentation', () => {
  const files = [
    ...readdirSync(ROOT)
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(ROOT, name)),
    ...markdownFiles(path.join(ROOT, 'docs')),
  ];

  it('finds the README, CONTRIBUTING and the pages under docs/, with links to check', () => {
    const names = files.map((f) => path.relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/decisions/README.md']),
    );
    const linkCount = files.reduce((n, f) => n + markdownLinks(readFile(f)).length, 0);
    expect(linkCount).toBeGreaterThan(20);
  });

  it('all resolve to an existing file (and heading)', () => {
    const problems = files.flatMap((f) => brokenLinks(f, readFile(f)));
    expect(problems).toEqual([]);
  });

  it('reports a link to a missing file, a missing heading or a path outside the repository', () => {
    const file = path.join(ROOT, 'docs/example.md');
    const md = [
      '# Example',
      '',
      '## Upload limits',
      '',
      'See [the API](api.md), [gone](users/gone.md), [limits](#upload-limits), [nowhere](#nowhere),',
      '[up](../../etc/passwd), [web](https://example.org/x.md) and `[code](not-checked.md)`.',
      '',
      '```md',
      '[in a fence](also-not-checked.md)',
      '```',
      '[ref]: operators/missing.md',
    ].join('\n');
    const exists = (p: string) => p === path.join(ROOT, 'docs/api.md') || p === file;
    expect(brokenLinks(file, md, exists, () => md)).toEqual([
      'docs/example.md:5 → users/gone.md (no such file)',
      'docs/example.md:5 → #nowhere (no heading #nowhere)',
      'docs/example.md:6 → ../../etc/passwd (outside the repository)',
      'docs/example.md:11 → operators/missing.md (no such file)',
    ]);
  });

  it('makes anchors as GitHub does', () => {
    expect(headingAnchor('Comparing rounds: the crosswalk')).toBe('comparing-rounds-the-crosswalk');
    expect(headingAnchor("Jordan's NAP 2018–2022 (case study)")).toBe('jordans-nap-20182022-case-study');
    expect(anchorsOf('# A\n## A\n```\n# B\n```\n')).toEqual(new Set(['a', 'a-1']));
  });
});
