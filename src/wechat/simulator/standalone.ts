/**
 * The simulator as a process of its own: one WeChat for several service processes in live mode (replicas
 * on one Redis, the bench's Redis scenario, the compose demo). `npm run simulator`, or in the image
 * `node dist/wechat/simulator/standalone.js`.
 *
 * It plays the platform the service's own variables name, so one set of settings serves both:
 * WECHAT_COMPONENT_APPID, WECHAT_COMPONENT_APPSECRET and WECHAT_COMPONENT_VERIFY_TICKET (the ticket it
 * issues at start; the simulator's defaults when unset), WECHAT_EVENT_TOKEN and WECHAT_EVENT_AES_KEY (its
 * pushes'; random when unset). PORT (default 4100) and HOST (default 127.0.0.1) say where it listens.
 * SIMULATOR_PUSH_TO, a service's /wechat/events URL: a ticket is pushed there at once (again every 5 s until
 * one is answered `success`: the service may start later), then every 10 minutes, as WeChat does.
 */
import { startSimulator } from './server.js';

const DEFAULT_PORT = 4100;
/** How often the first push is tried again while the service is not answering yet. */
const FIRST_PUSH_RETRY_MS = 5_000;

function log(level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, msg: string): void {
  const levels = { info: 30, warn: 40, error: 50 };
  process.stdout.write(`${JSON.stringify({ level: levels[level], time: Date.now(), service: 'wechat-simulator', ...fields, msg })}\n`);
}

function fail(message: string): never {
  process.stderr.write(`wechat-simulator: ${message}\n`);
  process.exit(1);
}

const env = (name: string): string | undefined => {
  const value = process.env[name]?.trim();
  return value === '' ? undefined : value;
};

async function main(): Promise<void> {
  const port = Number(env('PORT') ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number (0 to 65535), not "${env('PORT')}"`);
  const eventAesKey = env('WECHAT_EVENT_AES_KEY');
  if (eventAesKey !== undefined && !/^[A-Za-z0-9+/]{43}$/.test(eventAesKey)) {
    fail('WECHAT_EVENT_AES_KEY must be a 43-character EncodingAESKey (letters, digits, + and /)');
  }
  const pushTo = env('SIMULATOR_PUSH_TO');
  if (pushTo !== undefined && !URL.canParse(pushTo)) fail('SIMULATOR_PUSH_TO must be a URL such as http://service:4000/wechat/events');

  const simulator = await startSimulator({
    port,
    host: env('HOST') ?? '127.0.0.1',
    componentAppId: env('WECHAT_COMPONENT_APPID'),
    componentAppSecret: env('WECHAT_COMPONENT_APPSECRET'),
    componentVerifyTicket: env('WECHAT_COMPONENT_VERIFY_TICKET'),
    eventToken: env('WECHAT_EVENT_TOKEN'),
    eventAesKey,
  });
  // The app secret, ticket and event settings are never printed, even the simulator's own.
  log(
    'info',
    { simulatorUrl: simulator.url, componentAppId: simulator.credentials.componentAppId },
    `WeChat simulator listening on ${simulator.url} (platform ${simulator.credentials.componentAppId})`,
  );

  let retry: NodeJS.Timeout | undefined;
  if (pushTo !== undefined) {
    const answered = (push: { status: number; answer: string } | undefined) => push?.status === 200 && push.answer === 'success';
    const firstPush = async (push: Promise<{ status: number; answer: string } | undefined>) => {
      const result = await push;
      if (answered(result)) {
        log('info', { pushTo }, `pushed a component_verify_ticket to ${pushTo}; the next ones every 10 minutes`);
        return;
      }
      log('warn', { pushTo, status: result?.status }, `${pushTo} did not take the ticket; trying again in ${FIRST_PUSH_RETRY_MS / 1000} s`);
      retry = setTimeout(() => void firstPush(simulator.pushTicket()), FIRST_PUSH_RETRY_MS);
    };
    void firstPush(simulator.pushTo(pushTo));
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      clearTimeout(retry);
      void simulator.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
