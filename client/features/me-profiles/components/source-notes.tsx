import type { MeSource } from '../../../../shared';
import { useT } from '../../../i18n/context';

/** The anchor of source n in a list of footnotes. */
export const sourceAnchor = (prefix: string, n: number) => `${prefix}-src-${n}`;

/** "[1][3]": the sources an answer cites, each a link to its footnote. */
export function Cites({ refs, prefix }: { refs: readonly number[]; prefix: string }) {
  const t = useT();
  if (refs.length === 0) return null;
  return (
    <sup className="cites">
      {[...refs]
        .sort((a, b) => a - b)
        .map((n) => (
          <a
            key={n}
            href={`#${sourceAnchor(prefix, n)}`}
            aria-label={t('meView.citeLabel', { n: String(n) })}
          >
            [{n}]
          </a>
        ))}
    </sup>
  );
}

/** One source: its title, where in it, and its address (left to right, also in Arabic). */
export function SourceText({ source }: { source: MeSource }) {
  return (
    <>
      <cite>{source.title}</cite>
      {source.locator && <>, {source.locator}</>}
      {source.url && (
        <>
          {' — '}
          <a href={source.url} dir="ltr" rel="noopener noreferrer">
            {source.url}
          </a>
        </>
      )}
    </>
  );
}

/** The numbered sources of a section or a table: [1] title, locator, link. */
export function SourceNotes({
  sources,
  prefix,
  label,
}: {
  sources: readonly MeSource[];
  prefix: string;
  label?: string;
}) {
  const t = useT();
  if (sources.length === 0) return null;
  return (
    <ol className="source-notes small" aria-label={label ?? t('meView.sources')}>
      {sources.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a source's number is its place in the list
        <li key={i} id={sourceAnchor(prefix, i + 1)}>
          <span className="source-notes__n">[{i + 1}]</span> <SourceText source={s} />
        </li>
      ))}
    </ol>
  );
}
