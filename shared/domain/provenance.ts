import { z } from 'zod';
import { PROVENANCES, VALUE_WORKFLOWS } from '../constants/provenance';

export * from '../constants/provenance';

export const ProvenanceSchema = z
  .enum(PROVENANCES)
  .describe(
    'Where the figure comes from: published (a published dataset such as a TrACSS round), ' +
      'national_approved (national reporting in an approved period), national_draft (not yet approved), ' +
      'demo (the demo period of the embedded database) or illustrative (made up to fill a gap; a derived ' +
      'figure is illustrative when any of its inputs is)',
  );

export const ValueWorkflowSchema = z
  .enum(VALUE_WORKFLOWS)
  .describe('published, or the workflow state of the national reporting period holding the value');
