#!/usr/bin/env node
// The package's command: TypeScript sources run through tsx's loader, so a fresh
// clone needs no build step before `npx rongcuo ...` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
