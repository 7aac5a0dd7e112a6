import {
  AttendanceInput,
  CreateMeetingInput,
  DecisionInput,
  DecisionMediationInput,
  DecisionOrdersInput,
  DecisionParams,
  DecisionTasksInput,
  ErrorBody,
  MeetingDto,
  MeetingList,
  MeetingParams,
  MeetingQuery,
  MeetingStatusInput,
  TaskDoneInput,
  TaskParams,
  UpdateMeetingInput,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { advanceMeeting } from './verbs/advance-meeting.js';
import { assignDecisionTasks } from './verbs/assign-decision-tasks.js';
import { createMeeting } from './verbs/create-meeting.js';
import { getMeeting } from './verbs/get-meeting.js';
import { listMeetings } from './verbs/list-meetings.js';
import { markMeetingAttendance } from './verbs/mark-meeting-attendance.js';
import { markMeetingTask } from './verbs/mark-meeting-task.js';
import { openDecisionMediation } from './verbs/open-decision-mediation.js';
import { placeDecisionOrders } from './verbs/place-decision-orders.js';
import { recordMeetingDecision } from './verbs/record-meeting-decision.js';
import { updateMeeting } from './verbs/update-meeting.js';

const tags = ['meetings'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const one = { 200: MeetingDto, ...errors };
const decision = '/api/meetings/:id/decisions/:decisionId';

/** 居民代表会议 · 联席会议: agenda, invitees and attendance, minutes, decisions turned into orders, cases or tasks. */
export const meetingRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/meetings',
    { schema: { tags, summary: 'Meetings in scope', querystring: MeetingQuery, response: { 200: MeetingList, ...errors } } },
    async (req) => listMeetings({ ctx: req.auth, input: req.query }),
  );
  app.post('/api/meetings', { schema: { tags, summary: 'Call a meeting', body: CreateMeetingInput, response: one } }, async (req) =>
    createMeeting({ ctx: req.auth, input: req.body }),
  );
  app.get(
    '/api/meetings/:id',
    { schema: { tags, summary: 'One meeting with its decisions’ progress', params: MeetingParams, response: one } },
    async (req) => getMeeting({ ctx: req.auth, input: req.params }),
  );
  app.put(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change the meeting, its agenda or minutes',
        params: MeetingParams,
        body: UpdateMeetingInput,
        response: one,
      },
    },
    async (req) => updateMeeting({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/meetings/:id/attendance',
    { schema: { tags, summary: 'Mark attendance', params: MeetingParams, body: AttendanceInput, response: one } },
    async (req) => markMeetingAttendance({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/meetings/:id/status',
    { schema: { tags, summary: 'Hold or close the meeting', params: MeetingParams, body: MeetingStatusInput, response: one } },
    async (req) => advanceMeeting({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/meetings/:id/decisions',
    { schema: { tags, summary: 'Record a decision', params: MeetingParams, body: DecisionInput, response: one } },
    async (req) => recordMeetingDecision({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    `${decision}/orders`,
    {
      schema: {
        tags,
        summary: 'Turn a decision into service orders (channel meeting)',
        params: DecisionParams,
        body: DecisionOrdersInput,
        response: one,
      },
    },
    async (req) => placeDecisionOrders({ ctx: req.auth, input: { ...req.body, ...req.params } }),
  );
  app.post(
    `${decision}/mediation`,
    {
      schema: {
        tags,
        summary: 'Turn a decision into a mediation case',
        params: DecisionParams,
        body: DecisionMediationInput,
        response: one,
      },
    },
    async (req) => openDecisionMediation({ ctx: req.auth, input: { ...req.body, ...req.params } }),
  );
  app.post(
    `${decision}/tasks`,
    {
      schema: {
        tags,
        summary: 'Turn a decision into a follow-up task list',
        params: DecisionParams,
        body: DecisionTasksInput,
        response: one,
      },
    },
    async (req) => assignDecisionTasks({ ctx: req.auth, input: { ...req.body, ...req.params } }),
  );
  app.post(
    '/api/meetings/:id/tasks/:taskId',
    { schema: { tags, summary: 'Tick a follow-up task done or not', params: TaskParams, body: TaskDoneInput, response: one } },
    async (req) => markMeetingTask({ ctx: req.auth, input: { ...req.body, ...req.params } }),
  );
};
