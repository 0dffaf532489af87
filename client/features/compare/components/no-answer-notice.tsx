import { useT } from '../../../i18n/context';

/**
 * Says that a chosen country has no answer in the round shown (or, on national data, reported
 * nothing), instead of a chart or a table of dashes: the compared country, or the case study.
 */
export function NoAnswerNotice({
  name,
  survey,
  national = false,
  caseStudy = false,
}: {
  name: string;
  survey: string;
  national?: boolean | undefined;
  /** The pinned case study (else: the country the page compares). */
  caseStudy?: boolean | undefined;
}) {
  const t = useT();
  const key = caseStudy
    ? national
      ? 'cmp.caseNoReport'
      : 'cmp.caseNoAnswer'
    : national
      ? 'cmp.countryNoReport'
      : 'cmp.countryNoAnswer';
  return (
    <p className="notice" role="status">
      {t(key, { name, survey })}
    </p>
  );
}
