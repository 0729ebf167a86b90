import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { Role } from '../shared/enums.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { queryRows } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { seedDemo } from '../server/demo/seed.js';
import { createJobs } from '../server/jobs/jobs.js';
import { createPiiCipher } from '../server/lib/pii-cipher.js';
import { hashPassword } from '../server/lib/passwords.js';
import { runImportJob } from '../server/modules/imports/imports.job.js';
import { createImport, getImport, commitImport } from '../server/modules/imports/imports.service.js';
import { insertUser, replaceRoles } from '../server/modules/users/users.repo.js';
import { openConfiguredDatabase, serve } from '../server/server.js';

const usage = `Usage: npm run ketnoi -- <command> [options]
  serve                                  start the API and the web app (migrates; seeds the demo when empty)
  migrate                                apply database migrations
  demo [--residents N] [--seed S]        add demo communes with N residents (default 1200)
  user:add --username U --role R --unit CODE [--name N] [--password-stdin | --password P]
                                         the password is asked for when neither is given (and stdin is a terminal)
  import FILE --unit CODE [--dry-run] [--skip-bad-rows]
Database: PGlite in ./data, or PostgreSQL when DATABASE_URL is set.`;

/** CLI actions run as the system itself: audited with this actor. */
const cliActor = { userId: null, username: 'cli', roles: 'CLI', unitId: null, ip: 'cli', userAgent: 'ketnoi-cli' };

/** Standard input up to its end, first line only: `printf '%s' "$PASSWORD" | … --password-stdin`. */
async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. */
async function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  process.stdout.write(question);
  // readline echoes through this method; silencing it hides the password as it is typed.
  (rl as unknown as { _writeToOutput(text: string): void })._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

/**
 * The new account's password, kept out of shell history where possible: from standard input (--password-stdin),
 * asked for on a terminal, or — still accepted, with a warning — from --password.
 */
async function newPassword(values: { password?: string; 'password-stdin'?: boolean }): Promise<string> {
  if (values['password-stdin']) return readStdinLine();
  if (values.password !== undefined) {
    console.error('Warning: --password stays in your shell history; --password-stdin or the prompt do not.');
    return values.password;
  }
  if (!process.stdin.isTTY) throw new Error('user:add needs --password-stdin (or a terminal to ask on)');
  const first = await askHidden('Password (10 characters or more): ');
  if ((await askHidden('Again: ')) !== first) throw new Error('the two passwords differ');
  return first;
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  if (!command || command === 'help' || command === '--help') return console.log(usage);
  if (command === 'serve') return void (await serve(config));

  const database = await openConfiguredDatabase(config);
  try {
    await migrateDatabase(database);
    const cipher = createPiiCipher(config.keys);
    if (command === 'migrate') return console.log(`Migrated (${database.kind}).`);

    if (command === 'demo') {
      const { values } = parseArgs({
        args: rest,
        options: { residents: { type: 'string', default: '1200' }, seed: { type: 'string', default: '2025' } },
      });
      const residents = Number(values.residents);
      if (!Number.isInteger(residents) || residents < 1) throw new Error('--residents must be a positive whole number');
      const t0 = performance.now();
      const result = await seedDemo(database, cipher, {
        residents,
        seed: Number(values.seed),
        password: config.demoPassword,
        log: console.log,
      });
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      const communes = result.communes === 1 ? '1 commune' : `${result.communes} communes`;
      const built = `${communes}, ${result.households} households, ${result.residents} residents`;
      console.log(`Built ${built} in ${seconds} s.`);
      for (const l of result.logins)
        console.log(`  ${l.username.padEnd(10)} ${l.password.padEnd(16)} ${l.role} — ${l.unit}`);
      return;
    }

    if (command === 'user:add') {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          password: { type: 'string' },
          'password-stdin': { type: 'boolean', default: false },
          role: { type: 'string' },
          unit: { type: 'string' },
          name: { type: 'string' },
        },
      });
      if (!values.username || !values.role || !values.unit)
        throw new Error('user:add needs --username, --role and --unit (and --password-stdin, or a terminal)');
      if (!(values.role in Role)) throw new Error(`--role must be one of ${Object.keys(Role).join(', ')}`);
      const [unit] = await queryRows<{ id: number }>(
        database.db,
        sql`select id from units where code = ${values.unit} order by depth limit 1`,
      );
      if (!unit) throw new Error(`no unit with code ${values.unit}`);
      const password = await newPassword(values);
      if (password.length < 10) throw new Error('the password must have at least 10 characters');
      const passwordHash = await hashPassword(password);
      await database.db.transaction(async (tx) => {
        const user = await insertUser(tx, {
          username: values.username!,
          fullName: values.name ?? values.username!,
          passwordHash,
        });
        await replaceRoles(tx, user.id, [{ role: values.role!, unitId: unit.id }]);
      });
      return console.log(`Added ${values.username} as ${values.role} on ${values.unit}.`);
    }

    if (command === 'import') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          unit: { type: 'string' },
          'dry-run': { type: 'boolean', default: false },
          'skip-bad-rows': { type: 'boolean', default: false },
        },
      });
      const file = positionals[0];
      if (!file || !values.unit) throw new Error('import needs FILE and --unit CODE');
      const [unit] = await queryRows<{ id: number; path: string }>(
        database.db,
        sql`select id, path from units where code = ${values.unit} order by depth limit 1`,
      );
      if (!unit) throw new Error(`no unit with code ${values.unit}`);
      // The CLI acts as a system admin would: as the first system admin account, so the import is attributed.
      const [admin] = await queryRows<{ id: number }>(
        database.db,
        sql`select user_id as id from role_assignments where role = 'SYSTEM_ADMIN' order by id limit 1`,
      );
      if (!admin) throw new Error('create a SYSTEM_ADMIN first (npm run ketnoi -- user:add …)');
      const scope = { permission: 'registry.import' as const, prefixes: [unit.path] };
      const jobs = createJobs(database, { workers: false });
      const deps = { database, config, jobs: { ...jobs, send: async () => null } };
      const id = await createImport(
        deps,
        scope,
        { unitId: unit.id, fileName: path.basename(file), file: readFileSync(file) },
        { ...cliActor, userId: admin.id },
      );
      await runImportJob(deps, id);
      let job = await getImport(database.db, scope, id);
      console.log(`Checked ${job.totalRows} rows: ${job.errorCount} problems.`);
      for (const e of (job.errors as { row: number; column: string; messageVi: string }[]).slice(0, 50))
        console.log(`  dòng ${e.row}, cột ${e.column}: ${e.messageVi}`);
      if (values['dry-run'] || (job.errorCount > 0 && !values['skip-bad-rows'])) return;
      await commitImport(deps, scope, id, values['skip-bad-rows'], cliActor);
      await runImportJob(deps, id);
      job = await getImport(database.db, scope, id);
      console.log(`Import ${job.status}: ${JSON.stringify(job.summary)}`);
      return;
    }
    console.error(usage);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
