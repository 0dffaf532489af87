import { useState } from 'react';
import type { EvidenceLink } from '../../../../shared';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';

/**
 * Evidence links of a value: list, remove, add one (checked with the shared schema). What the closed
 * panel hides is rendered once it is opened: a grid of 150 rows would otherwise build 300 inputs that
 * nobody sees (a fifth of the grid's elements, and its costliest to lay out).
 */
export function EvidenceEditor(p: {
  code: string;
  links: EvidenceLink[];
  disabled: boolean;
  onChange: (links: EvidenceLink[]) => void;
}) {
  const [url, setUrl] = useState('');
  const t = useT();
  const { zodText } = useErrorText();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const add = async () => {
    // The schema is imported on use: the entry page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { EvidenceLinkSchema } = await import('../../../../shared/api/values');
    const parsed = EvidenceLinkSchema.safeParse({ url, title });
    if (!parsed.success) return setProblem(zodText(parsed.error));
    setProblem(null);
    setUrl('');
    setTitle('');
    p.onChange([...p.links, parsed.data]);
  };
  return (
    <details className="entry-evidence" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('evidence.summary', { count: p.links.length })}</summary>
      {open && (
        <ul>
          {p.links.map((l, i) => (
            <li key={l.url}>
              <a href={l.url} target="_blank" rel="noreferrer noopener">
                {l.title}
              </a>{' '}
              {!p.disabled && (
                <button type="button" onClick={() => p.onChange(p.links.filter((_, j) => j !== i))}>
                  {t('evidence.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && !p.disabled && (
        <div>
          <input
            type="url"
            aria-label={t('evidence.address', { code: p.code })}
            placeholder="https://…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <input
            type="text"
            aria-label={t('evidence.title', { code: p.code })}
            placeholder={t('evidence.titlePlaceholder')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="button" onClick={add}>
            {t('evidence.add')}
          </button>
          {problem && (
            <p className="entry-error small" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </details>
  );
}
