import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { SETTING_KEYS } from '../../domain/settings/setting-keys.js';
import { changeSetting } from '../../services/settings/change-setting.js';
import type { AppEnv } from '../env.js';
import { problemResponse } from '../problem.js';

const KeyParam = z.object({
  key: z
    .string()
    .max(64)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'enrollment.policy', description: `One of ${SETTING_KEYS.join(', ')}` }),
});

const SettingOut = z.object({ key: z.string(), value: z.unknown(), created: z.boolean(), updatedAt: z.string() }).openapi('Setting');

const putSetting = createRoute({
  method: 'put',
  path: '/settings/{key}',
  tags: ['Reference data'],
  summary: 'Replace a policy override (administrators): checked against the policy’s defaults, audited, applied to cases started afterwards',
  request: {
    params: KeyParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ value: z.unknown().openapi({ example: { registrationDays: 30, correctionDays: 20 } }) }).openapi('SettingChange'),
        },
      },
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: SettingOut } }, description: 'The stored value' },
    400: problemResponse('Unknown key or a value that does not fit the policy, naming the field (`value.correctionDays`)'),
    401: problemResponse('No or bad token'),
    403: problemResponse('Not an administrator'),
  },
});

/** PUT /v1/settings/{key}. */
export const settingRoutes = () =>
  new OpenAPIHono<AppEnv>().openapi(putSetting, async (c) => {
    const { key } = c.req.valid('param');
    const { value } = c.req.valid('json');
    return c.json(await changeSetting(c.var.ctx, key, value), 200);
  });
