import type { KeptTicket, TicketStore } from '../ticket-store.js';
import { type FileStoreOptions, StateFiles } from './state-files.js';

/** The newest ticket of each platform in DATA_DIR/component-verify-ticket.<appid>.json: a restart needs no new push. */
export class FileTicketStore implements TicketStore {
  readonly #files: StateFiles<KeptTicket>;

  constructor(dir: string, options: FileStoreOptions = {}) {
    this.#files = new StateFiles(
      dir,
      'component-verify-ticket',
      ({ ticket, createTime }) =>
        typeof ticket === 'string' && ticket !== '' && Number.isInteger(createTime)
          ? { ticket, createTime: createTime as number }
          : undefined,
      options,
    );
  }

  get(componentAppId: string): Promise<KeptTicket | undefined> {
    return this.#files.get(componentAppId);
  }

  offer(componentAppId: string, ticket: KeptTicket): Promise<boolean> {
    return this.#files.update(componentAppId, (kept) =>
      kept && ticket.createTime <= kept.createTime
        ? { result: false }
        : { next: { ticket: ticket.ticket, createTime: ticket.createTime }, result: true },
    );
  }
}
