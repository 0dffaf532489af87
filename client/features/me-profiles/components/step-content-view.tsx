import type { MeStep, MeStepContent } from '../../../../shared';
import { ME_FIELDS } from '../../../../shared/constants/me-profile';
import { useI18n } from '../../../i18n/context';
import { formatMeValue } from '../format';
import { useMeText } from '../text';
import { Cites, SourceNotes } from './source-notes';

/** A step's answers, each with the sources it cites ([1] …), then the section's numbered sources. */
export function StepContentView({
  step,
  content,
  prefix,
}: {
  step: MeStep;
  content: MeStepContent;
  /** Makes the footnotes' anchors unique on the page. */
  prefix: string;
}) {
  const { formatNumber } = useI18n();
  const text = useMeText();
  const answered = ME_FIELDS[step].filter((d) => content.fields[d.key]);
  return (
    <>
      {answered.length > 0 && (
        <dl className="me-fields">
          {answered.map((def) => {
            const answer = content.fields[def.key];
            if (!answer) return null;
            const shown = formatMeValue(def, answer.value, text, formatNumber);
            return (
              <div key={def.key}>
                <dt>{text.fields[def.key] ?? def.key}</dt>
                <dd>
                  {Array.isArray(shown) ? (
                    <ul className="me-values">
                      {shown.map((v, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: list items may repeat words
                        <li key={i}>{v}</li>
                      ))}
                    </ul>
                  ) : (
                    shown
                  )}
                  <Cites refs={answer.sources} prefix={prefix} />
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {content.text && (
        <p className="me-text">
          {content.text}
          <Cites refs={content.textSources} prefix={prefix} />
        </p>
      )}
      <SourceNotes sources={content.sources} prefix={prefix} />
    </>
  );
}
