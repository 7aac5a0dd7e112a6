import type { MeDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { presentMe } from '../presenter.js';
import type { ActorWithRows } from '../repo.js';

/** The signed-in user as the session hook loaded them (`me`, with assignment rows): no further query. */
export function getMe({ input }: VerbArgs<{ me: ActorWithRows; csrfToken: string }>): MeDto {
  return presentMe(input.me, input.csrfToken);
}
