import pg from 'pg';
import { openServerDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

/** The server the tests use: TEST_DATABASE_URL, or the local one on 127.0.0.1:5432 with trust auth. */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function serverAnswers(): Promise<boolean> {
  try {
    await withAdmin((c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

export async function createTemplateDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`create database "${name}"`));
  const handle = openServerDatabase(urlFor(name), 2);
  await migrateToLatest(handle.db);
  await handle.close();
}

/** A throwaway copy of the migrated template for one test file. */
export async function createDatabaseFromTemplate(template: string): Promise<string> {
  const name = `grassroots_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdmin((c) => c.query(`create database "${name}" template "${template}"`));
      return name;
    } catch (err) {
      if (attempt >= 20 || (err as { code?: string }).code !== '55006') throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`drop database if exists "${name}" with (force)`));
}
