// One engine command at a time per project: .migrate/lock holds the pid of the process that
// is applying or reverting. A lock whose process is gone is stale and taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { MigrateError } from '../errors.ts';
import { MIGRATE_DIR } from './journalRecords.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Runs `fn` holding the project's lock (re-entrant within one process). */
export async function withLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const file = path.join(root, MIGRATE_DIR, 'lock');
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid === process.pid) return fn();
      if (attempt === 0 && !(pid > 0 && alive(pid))) {
        unlinkSync(file);
        continue;
      }
      throw new MigrateError('JOURNAL-005', `another migrate command (pid ${pid}) is applying or reverting in this project`, {
        location: { file },
        hint: 'wait for it to finish; if no such process exists, delete the lock file',
      });
    }
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(file);
    } catch {
      // already removed
    }
  }
}
