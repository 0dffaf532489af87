import { useState } from 'react';
import { type EvidenceLink, EvidenceLinkSchema } from '../../../../shared';

/** Evidence links of a value: list, remove, add one (checked with the shared schema). */
export function EvidenceEditor(p: {
  code: string;
  links: EvidenceLink[];
  disabled: boolean;
  onChange: (links: EvidenceLink[]) => void;
}) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const parsed = EvidenceLinkSchema.safeParse({ url, title });
    if (!parsed.success)
      return setProblem(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    setProblem(null);
    setUrl('');
    setTitle('');
    p.onChange([...p.links, parsed.data]);
  };
  return (
    <details className="entry-evidence">
      <summary>Evidence ({p.links.length})</summary>
      <ul>
        {p.links.map((l, i) => (
          <li key={l.url}>
            <a href={l.url} target="_blank" rel="noreferrer noopener">
              {l.title}
            </a>{' '}
            {!p.disabled && (
              <button type="button" onClick={() => p.onChange(p.links.filter((_, j) => j !== i))}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {!p.disabled && (
        <div>
          <input
            type="url"
            aria-label={`Evidence address for ${p.code}`}
            placeholder="https://…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <input
            type="text"
            aria-label={`Evidence title for ${p.code}`}
            placeholder="Title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="button" onClick={add}>
            Add link
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
