import type { MeLearningContent } from '../../../../shared';
import { useT } from '../../../i18n/context';
import { useMeText } from '../text';
import { Cites, SourceNotes } from './source-notes';
import { ObjectiveSectorTags } from './tags';

/** The `learning` section: the challenges the country faces and the lessons it offers, with sources. */
export function LearningContentView({ content, prefix }: { content: MeLearningContent; prefix: string }) {
  const t = useT();
  const text = useMeText();
  return (
    <>
      {content.challenges.length > 0 && (
        <>
          <h3>{t('meView.challenges')}</h3>
          <ul className="me-entries">
            {content.challenges.map((c) => (
              <li key={c.code}>
                <strong>{text.challenges[c.code]}</strong>
                <Cites refs={c.sources} prefix={prefix} />
                {c.note && <p className="me-text">{c.note}</p>}
                <ObjectiveSectorTags objectives={c.objectives} sectors={c.sectors} />
              </li>
            ))}
          </ul>
        </>
      )}
      {content.lessons.length > 0 && (
        <>
          <h3>{t('meView.lessons')}</h3>
          <ul className="me-entries">
            {content.lessons.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lessons have no id; their order is the country's
              <li key={i}>
                <strong>{l.title}</strong>
                <Cites refs={l.sources} prefix={prefix} />
                {l.challenge && (
                  <p className="small muted">
                    {t('meView.answers', { challenge: text.challenges[l.challenge] })}
                  </p>
                )}
                {l.text && <p className="me-text">{l.text}</p>}
                <ObjectiveSectorTags objectives={l.objectives} sectors={l.sectors} />
              </li>
            ))}
          </ul>
        </>
      )}
      <SourceNotes sources={content.sources} prefix={prefix} />
    </>
  );
}
