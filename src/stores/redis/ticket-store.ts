import type { Logger } from 'pino';
import type { KeptTicket, TicketStore } from '../ticket-store.js';
import type { RedisConnection } from './connection.js';

// Newest CreateTime wins, compared and written in one step whichever replica received the push.
const OFFER = `
local kept = tonumber(redis.call('hget', KEYS[1], 'createTime'))
if kept and kept >= tonumber(ARGV[2]) then return 0 end
redis.call('hset', KEYS[1], 'ticket', ARGV[1], 'createTime', ARGV[2])
return 1`;

/**
 * The newest component_verify_ticket in Redis, shared by every replica. Each replica also keeps the newest it
 * has seen: it serves while Redis is away, and refills a Redis that comes back empty (no push needed).
 */
export class RedisTicketStore implements TicketStore {
  readonly #redis: RedisConnection;
  readonly #logger: Logger;
  readonly #local = new Map<string, KeptTicket>();

  constructor(redis: RedisConnection, logger: Logger) {
    this.#redis = redis;
    this.#logger = logger;
    redis.onReady(() => void this.#refill());
  }

  async get(componentAppId: string): Promise<KeptTicket | undefined> {
    try {
      const kept = parse(await this.#redis.run('ticket', (client) => client.hGetAll(this.#key(componentAppId))));
      if (kept) this.#remember(componentAppId, kept);
    } catch {
      // Degraded: what this replica last saw.
    }
    return this.#local.get(componentAppId);
  }

  async offer(componentAppId: string, ticket: KeptTicket): Promise<boolean> {
    const newerHere = this.#remember(componentAppId, ticket);
    try {
      return (
        (await this.#redis.run('ticket', (client) =>
          client.eval(OFFER, { keys: [this.#key(componentAppId)], arguments: [ticket.ticket, String(ticket.createTime)] }),
        )) === 1
      );
    } catch {
      // Kept here, and written to Redis when it returns.
      this.#logger.warn({ store: 'redis' }, 'shared store unreachable: the pushed ticket is kept by this replica until it returns');
      return newerHere;
    }
  }

  /** Keeps `ticket` locally if it is the newest seen; true when it was. */
  #remember(componentAppId: string, ticket: KeptTicket): boolean {
    const kept = this.#local.get(componentAppId);
    if (kept && kept.createTime >= ticket.createTime) return false;
    this.#local.set(componentAppId, { ticket: ticket.ticket, createTime: ticket.createTime });
    return true;
  }

  async #refill(): Promise<void> {
    for (const [componentAppId, ticket] of this.#local) {
      await this.#redis
        .run('ticket', (client) =>
          client.eval(OFFER, { keys: [this.#key(componentAppId)], arguments: [ticket.ticket, String(ticket.createTime)] }),
        )
        .catch(() => undefined);
    }
  }

  #key(componentAppId: string): string {
    return this.#redis.key(componentAppId, 'ticket');
  }
}

function parse(hash: Record<string, string>): KeptTicket | undefined {
  const createTime = Number(hash.createTime);
  return hash.ticket && Number.isInteger(createTime) ? { ticket: hash.ticket, createTime } : undefined;
}
