import { describe, expect, it } from 'vitest';
import { makeT } from '../../client/i18n/context';
import { ar } from '../../client/i18n/locales/ar';
import { en } from '../../client/i18n/locales/en';
import { es } from '../../client/i18n/locales/es';
import { fr } from '../../client/i18n/locales/fr';
import { ApiError } from '../../client/lib/api-client';
import { errorText, fieldErrors, issueLine, issueText } from '../../client/lib/error-text';
import { issuesFromZod } from '../../shared/domain/issues';

/*
 * The server's codes in the reader's language: the sentences a focal point reads beside a field,
 * instead of "value.percentage: Too big: expected number to be <=100".
 */

const fr_ = makeT('fr', fr);
const ar_ = makeT('ar', ar);
const en_ = makeT('en', en);
const es_ = makeT('es', es);

const envelope = (over: object) =>
  new ApiError({ error: 'Bad Request', message: 'x', statusCode: 400, requestId: 'r', ...over });

describe('issue texts', () => {
  it('a percentage out of range, in four languages', () => {
    const issue = {
      path: 'body.value.percentage',
      message: 'must be between 0 and 100',
      code: 'too_big',
      params: { max: 100, inclusive: true },
    };
    expect(issueText(en_, issue)).toBe('Enter a percentage between 0 and 100');
    expect(issueText(fr_, issue)).toBe('Saisissez un pourcentage entre 0 et 100');
    expect(issueText(es_, issue)).toBe('Escriba un porcentaje entre 0 y 100');
    expect(issueText(ar_, issue)).toBe('أدخل نسبة مئوية بين 0 و100');
    // Away from the form, the field is named by its label.
    expect(issueLine(fr_, issue)).toBe('Valeur : Saisissez un pourcentage entre 0 et 100');
  });

  it('a reason required for a status names the status by its label', () => {
    const issue = {
      path: 'body.reason',
      message: 'is required when status is no_data',
      code: 'required_when',
      params: { field: 'status', value: 'no_data' },
    };
    expect(issueText(fr_, issue)).toBe('Obligatoire quand le champ « Statut » vaut « Pas de données »');
    expect(issueLine(en_, issue)).toBe('Reason: Required when “Status” is “No data”');
  });

  it('an unknown country in a role, plurals of lengths, and a missing code falling back to English', () => {
    expect(
      issueLine(fr_, {
        path: 'roles.0.country',
        message: 'no country with ISO3 code XXX',
        code: 'unknown_country',
        params: { value: 'XXX' },
      }),
    ).toBe('Pays : Aucun pays n’a le code XXX');
    const long = (max: number) => ({ path: 'comment', message: '', code: 'too_long', params: { max } });
    expect(issueText(fr_, long(1))).toBe('Au plus 1 caractère');
    expect(issueText(fr_, long(2000))).toBe('Au plus 2\u202f000 caractères');
    expect(issueText(ar_, long(2))).toBe('حرفان على الأكثر');
    expect(issueText(fr_, { path: 'x', message: 'something new' })).toBe('something new');
  });

  it("the client's own zod issues read like the server's", async () => {
    const { PutValueBodySchema } = await import('../../shared/api/values');
    const r = PutValueBodySchema.safeParse({ status: 'reported', value: { type: 'count', count: -3 } });
    expect(r.success).toBe(false);
    const issues = issuesFromZod(r.error?.issues ?? []);
    expect(issues.map((i) => issueText(fr_, i))).toEqual(['Ne doit pas être négatif']);
  });
});

describe('whole failures', () => {
  it('is translated by code, keeps the English sentence for English readers, and says when to retry', () => {
    const missing = envelope({ statusCode: 404, code: 'not_found', message: 'plan: no plan 5' });
    expect(errorText(en_, 'en', missing)).toBe('plan: no plan 5');
    expect(errorText(fr_, 'fr', missing)).toBe(
      'Introuvable : il a peut-être été supprimé, ou l’adresse est erronée',
    );
    const stale = envelope({ statusCode: 409, code: 'stale', message: 'version: stale' });
    expect(errorText(en_, 'en', stale)).toMatch(/^Someone changed this in the meantime/);
    const throttled = envelope({ statusCode: 429, code: 'rate_limited', params: { retryAfter: 30 } });
    expect(errorText(fr_, 'fr', throttled)).toBe('Trop de tentatives : réessayez dans 30 secondes');
    const offline = new ApiError({ error: 'Network Error', message: 'Could not reach', statusCode: 0 });
    expect(errorText(ar_, 'ar', offline)).toBe('لا اتصال بالخادم: تحقق من اتصالك ثم حاول مجددًا');
  });

  it('sorts issues by the fields of a form, the rest to the form', () => {
    const err = envelope({
      code: 'invalid_input',
      issues: [
        { path: 'body.newPassword', message: 'is common', code: 'password_common' },
        { path: 'body.other', message: 'odd', code: 'invalid' },
      ],
    });
    expect(fieldErrors(fr_, 'fr', err, ['currentPassword', 'newPassword'])).toEqual({
      newPassword: 'C’est un mot de passe courant : choisissez-en un autre',
      form: 'other : Cette valeur n’est pas valide',
    });
  });
});

describe('the grid’s history warning', () => {
  it('is said in the language, its numbers in its notation', () => {
    expect(fr_('grid.farOutside', { value: 4500.5, min: 10, max: 20 })).toBe(
      '4\u202f500,5 est très éloigné de l’historique de cet indicateur (10–20) : vérifiez-le avant de soumettre',
    );
  });
});
