import path from 'node:path';

/** Runtime configuration, read once from the environment and validated. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded engine (PGlite) is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database. */
  dataDir: string;
  /** Country profile id: `vn` or `cn` (files in protocols/profiles/). */
  profile: string;
  logLevel: string;
  /** Browser origins allowed to call the API from another site (CORS); empty means none. */
  corsOrigins: string[];
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy: boolean;
  /** How long a worker's claim on a background job lasts without a renewal. */
  jobLeaseSeconds: number;
  /** Where reminders go out (module reminders): a channel without its setting has no adapter. */
  reminders: ReminderSettings;
  /** The claim files' signing keys (claims/xml130/signing-keys.ts); none set: made at run time in the data folder. */
  claimsSigning: ClaimsSigningSettings;
}

/** Where the facilities' keys and certificates for the claim files' signature are (PEM files). */
export interface ClaimsSigningSettings {
  /** One key and certificate for every facility of this server. */
  keyFile: string | undefined;
  certFile: string | undefined;
  /** A folder of `<facility code>.key.pem` and `<facility code>.cert.pem`, before keyFile/certFile. */
  keysDir: string | undefined;
}

/** The reminders' adapters: a URL per HTTP channel (the gateways' bridges take the webhook's JSON), a file. */
export interface ReminderSettings {
  /** Channel `webhook`: HTTP POST of each message as JSON. */
  webhookUrl: string | undefined;
  /** The gateways' bridges (`sms`, `zalo`, `wechat`), each taking the webhook's JSON. */
  smsUrl: string | undefined;
  zaloUrl: string | undefined;
  wechatUrl: string | undefined;
  /** Channel `file`: JSON lines appended to this file. */
  file: string | undefined;
  /** How long one HTTP delivery may take before it counts as failed. */
  timeoutMs: number;
}

export const KNOWN_PROFILES = ['vn', 'cn'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** One environment setting: its name, its default as written in the environment, and what it does. */
export interface Setting {
  name: string;
  /** Undefined: unset by default. */
  default: string | undefined;
  meaning: string;
}

/**
 * Every setting the environment can give: the list `grassroots --help` prints and the README's
 * Configuration table follows (a test compares them). loadConfig takes its defaults from here.
 */
export const SETTINGS = [
  { name: 'PORT', default: '3000', meaning: 'HTTP port' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'interface to listen on (0.0.0.0 for all)' },
  {
    name: 'DATABASE_URL',
    default: undefined,
    meaning: 'a PostgreSQL server (postgres://user:pass@host:5432/db); unset means the embedded database',
  },
  { name: 'GRASSROOTS_DATA', default: './data', meaning: 'folder of the embedded database' },
  {
    name: 'GRASSROOTS_PROFILE',
    default: 'vn',
    meaning: `country profile: ${KNOWN_PROFILES.join(' or ')} (files in protocols/profiles/)`,
  },
  { name: 'LOG_LEVEL', default: 'info', meaning: LOG_LEVELS.join(', ') },
  {
    name: 'CORS_ORIGINS',
    default: undefined,
    meaning: 'comma-separated browser origins allowed to call the API from another site',
  },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    meaning: 'true behind a reverse proxy (client addresses from X-Forwarded-For)',
  },
  {
    name: 'JOB_LEASE_SECONDS',
    default: '30',
    meaning:
      "seconds a background job's claim lasts unrenewed: a job of a killed process is taken up again after it (2-3600)",
  },
  {
    name: 'REMINDERS_WEBHOOK_URL',
    default: undefined,
    meaning:
      'reminders channel webhook: each message POSTed as JSON with an Idempotency-Key header (2xx = sent)',
  },
  {
    name: 'REMINDERS_SMS_URL',
    default: undefined,
    meaning: "reminders channel sms: the SMS gateway's bridge, taking the webhook's JSON",
  },
  {
    name: 'REMINDERS_ZALO_URL',
    default: undefined,
    meaning: "reminders channel zalo: the Zalo gateway's bridge, taking the webhook's JSON",
  },
  {
    name: 'REMINDERS_WECHAT_URL',
    default: undefined,
    meaning: "reminders channel wechat: the WeChat gateway's bridge, taking the webhook's JSON",
  },
  {
    name: 'REMINDERS_FILE',
    default: undefined,
    meaning: 'reminders channel file: messages appended to this file as JSON lines (it holds phone numbers)',
  },
  {
    name: 'REMINDERS_TIMEOUT_MS',
    default: '10000',
    meaning: 'milliseconds one HTTP delivery of a reminder may take before it counts as failed (100-120000)',
  },
  {
    name: 'GRASSROOTS_CLAIMS_KEY_FILE',
    default: undefined,
    meaning:
      "claim files: the facilities' private key (PEM) signing CHUKYDONVI; unset (with the next two) means a self-signed key made in the data folder",
  },
  {
    name: 'GRASSROOTS_CLAIMS_CERT_FILE',
    default: undefined,
    meaning:
      'claim files: the certificate (PEM) of GRASSROOTS_CLAIMS_KEY_FILE, also the one imports are verified with',
  },
  {
    name: 'GRASSROOTS_CLAIMS_KEYS_DIR',
    default: undefined,
    meaning:
      'claim files: a folder of <facility code>.key.pem and <facility code>.cert.pem, one per facility (before the two above)',
  },
] as const satisfies readonly Setting[];

type SettingName = (typeof SETTINGS)[number]['name'];
const defaultOf = (name: SettingName): string => SETTINGS.find((s) => s.name === name)?.default ?? '';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration. Every bad value is reported at once, each with what to fix.
 *
 * @example loadConfig({ PORT: '8080' }).port // 8080
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const port = parsePort(env.PORT ?? defaultOf('PORT'));
  if (port === undefined) problems.push(`PORT must be a whole number from 1 to 65535 (got "${env.PORT}")`);

  const host = (env.HOST ?? defaultOf('HOST')).trim();
  if (host === '')
    problems.push('HOST must not be empty (use 127.0.0.1, or 0.0.0.0 to listen on all interfaces)');

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded database)',
    );
  }

  const dataDir = path.resolve(env.GRASSROOTS_DATA?.trim() || defaultOf('GRASSROOTS_DATA'));

  const profile = (env.GRASSROOTS_PROFILE ?? defaultOf('GRASSROOTS_PROFILE')).trim().toLowerCase();
  if (!(KNOWN_PROFILES as readonly string[]).includes(profile)) {
    problems.push(
      `GRASSROOTS_PROFILE must be one of ${KNOWN_PROFILES.join(', ')} (got "${env.GRASSROOTS_PROFILE}")`,
    );
  }

  const logLevel = (env.LOG_LEVEL ?? defaultOf('LOG_LEVEL')).trim();
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const corsOrigins = (env.CORS_ORIGINS ?? defaultOf('CORS_ORIGINS'))
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o))
      problems.push(`CORS_ORIGINS entries must look like https://host[:port] (got "${o}")`);
  }

  const trustProxyRaw = (env.TRUST_PROXY ?? defaultOf('TRUST_PROXY')).trim().toLowerCase();
  if (!['true', 'false', '1', '0'].includes(trustProxyRaw))
    problems.push('TRUST_PROXY must be true or false');

  const leaseRaw = (env.JOB_LEASE_SECONDS ?? defaultOf('JOB_LEASE_SECONDS')).trim();
  const jobLeaseSeconds = /^\d+$/.test(leaseRaw) ? Number(leaseRaw) : Number.NaN;
  if (!(jobLeaseSeconds >= 2 && jobLeaseSeconds <= 3600))
    problems.push(`JOB_LEASE_SECONDS must be a whole number from 2 to 3600 (got "${leaseRaw}")`);

  const url = (name: SettingName) => {
    const raw = env[name]?.trim() || undefined;
    if (raw && !/^https?:\/\/[^\s]+$/.test(raw))
      problems.push(`${name} must be an http:// or https:// URL (got "${raw.replace(/[?#].*/, '')}")`);
    return raw;
  };
  const timeoutRaw = (env.REMINDERS_TIMEOUT_MS ?? defaultOf('REMINDERS_TIMEOUT_MS')).trim();
  const timeoutMs = /^\d+$/.test(timeoutRaw) ? Number(timeoutRaw) : Number.NaN;
  if (!(timeoutMs >= 100 && timeoutMs <= 120_000))
    problems.push(`REMINDERS_TIMEOUT_MS must be a whole number from 100 to 120000 (got "${timeoutRaw}")`);
  const reminders: ReminderSettings = {
    webhookUrl: url('REMINDERS_WEBHOOK_URL'),
    smsUrl: url('REMINDERS_SMS_URL'),
    zaloUrl: url('REMINDERS_ZALO_URL'),
    wechatUrl: url('REMINDERS_WECHAT_URL'),
    file: env.REMINDERS_FILE?.trim() ? path.resolve(env.REMINDERS_FILE.trim()) : undefined,
    timeoutMs,
  };

  const file = (name: SettingName) => (env[name]?.trim() ? path.resolve(env[name].trim()) : undefined);
  const claimsSigning: ClaimsSigningSettings = {
    keyFile: file('GRASSROOTS_CLAIMS_KEY_FILE'),
    certFile: file('GRASSROOTS_CLAIMS_CERT_FILE'),
    keysDir: file('GRASSROOTS_CLAIMS_KEYS_DIR'),
  };
  if (!claimsSigning.keyFile !== !claimsSigning.certFile)
    problems.push(
      'GRASSROOTS_CLAIMS_KEY_FILE and GRASSROOTS_CLAIMS_CERT_FILE must be set together (or neither)',
    );

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: port!,
    host,
    databaseUrl,
    dataDir,
    profile,
    logLevel,
    corsOrigins,
    trustProxy: trustProxyRaw === 'true' || trustProxyRaw === '1',
    jobLeaseSeconds,
    reminders,
    claimsSigning,
  };
}

function parsePort(raw: string): number | undefined {
  if (!/^\d+$/.test(raw.trim())) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= 65535 ? n : undefined;
}
