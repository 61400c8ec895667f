/** A component_verify_ticket as WeChat pushed it. */
export interface KeptTicket {
  readonly ticket: string;
  /** The push's CreateTime, Unix seconds: what orders tickets. */
  readonly createTime: number;
}

/**
 * Where a platform's newest component_verify_ticket is kept. Memory by default; a file in DATA_DIR keeps it
 * across restarts; a shared store (e.g. Redis) lets replicas use a ticket another one received.
 */
export interface TicketStore {
  get(componentAppId: string): Promise<KeptTicket | undefined>;
  /**
   * Keeps `ticket` only if its createTime is newer than the kept one's, atomically (WeChat retries pushes,
   * and replicas may receive them at once: an older one must never replace a newer one). True when kept.
   */
  offer(componentAppId: string, ticket: KeptTicket): Promise<boolean>;
}

export class MemoryTicketStore implements TicketStore {
  readonly #tickets = new Map<string, KeptTicket>();

  async get(componentAppId: string): Promise<KeptTicket | undefined> {
    return this.#tickets.get(componentAppId);
  }

  // No await between the comparison and the write: atomic within the process.
  async offer(componentAppId: string, ticket: KeptTicket): Promise<boolean> {
    const kept = this.#tickets.get(componentAppId);
    if (kept && ticket.createTime <= kept.createTime) return false;
    this.#tickets.set(componentAppId, { ticket: ticket.ticket, createTime: ticket.createTime });
    return true;
  }
}
