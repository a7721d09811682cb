// How long a new alert waits before it is sent, so that the rule's regions crossing together go out in one message.
import { parseDuration } from '../lib/duration.ts';

/** Alertmanager's `group_wait`: long enough for a burst's evaluations (about 1 s apart) to land. */
export const DEFAULT_GROUP_WAIT_MS = 60_000;

/** The channel's `groupWait` in ms, or the default. */
export function groupWaitMs(channel: { groupWait?: string | undefined } | undefined): number {
  if (channel?.groupWait === undefined) return DEFAULT_GROUP_WAIT_MS;
  const ms = parseDuration(channel.groupWait);
  if (ms === undefined)
    throw new Error(`notify: invalid groupWait duration ${JSON.stringify(channel.groupWait)}`);
  return ms;
}
