// Setup file of the vitest `integration` project: the file's own database (test/support/services.ts) is dropped
// after the file's last test. Registered before the file's own hooks, this afterAll runs after theirs.
import { afterAll } from 'vitest';
import { dropFileDatabase } from './services.js';

afterAll(dropFileDatabase);
