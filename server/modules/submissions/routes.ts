import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePlanPeriodSchema,
  DueSchema,
  ErrorEnvelopeSchema as E,
  EntryGridSchema,
  EntryRowParamsSchema,
  NotificationListSchema,
  NotificationParamsSchema,
  PlanParamsSchema,
  PlanPeriodListSchema,
  PlanPeriodParamsSchema,
  PlanPeriodSchema,
  ReasonBodySchema,
  SubmitBodySchema,
  type Transition,
  ValidatorCommentBodySchema,
  ValidatorCommentSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { getDue } from './due-service';
import { getEntryGrid } from './grid-service';
import { periodHistoryRoutes } from './history-routes';
import { listNotifications, readNotification } from './notification-service';
import { createPlanPeriod, listPlanPeriods } from './period-service';
import { commentOnValue } from './review-service';
import { transition } from './workflow-service';

const tags = ['workflow'];
const READ_ERRORS = { 400: E, 401: E, 403: E, 404: E };
const WRITE_ERRORS = { ...READ_ERRORS, 409: E };

const STEPS: { t: Transition; summary: string; reason: boolean }[] = [
  {
    t: 'submit',
    summary: 'Submit the period’s data for approval (the country’s focal points)',
    reason: false,
  },
  {
    t: 'approve',
    summary: 'Approve a submitted period: its values are locked (the country’s validators)',
    reason: false,
  },
  {
    t: 'return',
    summary: 'Return a submitted period to the focal points with a reason (validators)',
    reason: true,
  },
  {
    t: 'reopen',
    summary: 'Reopen an approved period with a reason: back to draft, unlocked (validators)',
    reason: true,
  },
];

export function submissionRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    await app.register(periodHistoryRoutes(ctx));
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/plans/:planId/periods',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'A plan’s reporting periods with their workflow state',
          params: PlanParamsSchema,
          response: { 200: PlanPeriodListSchema, ...READ_ERRORS },
        },
      },
      async (req) => listPlanPeriods(ctx, req.principal, req.params.planId),
    );
    r.post(
      '/api/plans/:planId/periods',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Add a reporting period (a year or a quarter) with its due date',
          description: 'Administrators, the country’s focal points and validators.',
          params: PlanParamsSchema,
          body: CreatePlanPeriodSchema,
          response: { 201: PlanPeriodSchema, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createPlanPeriod(ctx, req.principal, req.params.planId, req.body)),
    );
    r.get(
      '/api/periods/:periodId/entry',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            'The data-entry grid of a period: each plan indicator, its value, earlier values, the workflow',
          params: PlanPeriodParamsSchema,
          response: { 200: EntryGridSchema, ...READ_ERRORS },
        },
      },
      async (req) => getEntryGrid(ctx, req.principal, req.params.periodId),
    );
    for (const s of STEPS) {
      r.post(
        `/api/periods/:periodId/${s.t}`,
        {
          config: { access: 'write' },
          schema: {
            tags,
            summary: s.summary,
            description: 'Send the submission version you read (409 when stale or in the wrong state).',
            params: PlanPeriodParamsSchema,
            body: s.reason ? ReasonBodySchema : SubmitBodySchema,
            response: { 200: PlanPeriodSchema, ...WRITE_ERRORS },
          },
        },
        async (req) => transition(ctx, req.principal, req.params.periodId, s.t, req.body),
      );
    }
    r.post(
      '/api/periods/:periodId/rows/:planIndicatorId/validator-comment',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Comment, as a validator, on one value of a submitted period',
          description:
            'The country’s validators and administrators, while the period is submitted (409 otherwise). ' +
            'The focal points see the comment beside the value in the grid; the period’s history lists it.',
          params: EntryRowParamsSchema,
          body: ValidatorCommentBodySchema,
          response: { 201: ValidatorCommentSchema, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await commentOnValue(
              ctx,
              req.principal,
              req.params.periodId,
              req.params.planIndicatorId,
              req.body,
            ),
          ),
    );
    r.get(
      '/api/due',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary:
            'What is due: your countries’ periods (due, overdue, returned, submitted, approved) and completeness',
          response: { 200: DueSchema, 401: E, 403: E },
        },
      },
      async (req) => getDue(ctx, req.principal),
    );
    r.get(
      '/api/notifications',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Your notices: submissions returned or approved',
          response: { 200: NotificationListSchema, 401: E, 403: E },
        },
      },
      async (req) => listNotifications(ctx, req.principal as Principal),
    );
    r.post(
      '/api/notifications/:notificationId/read',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Mark one of your notices read',
          params: NotificationParamsSchema,
          response: { 204: z.null(), 400: E, 401: E, 403: E, 404: E },
        },
      },
      async (req, reply) => {
        await readNotification(ctx, req.principal as Principal, req.params.notificationId);
        return reply.code(204).send(null);
      },
    );
  };
}
