import { execFileSync } from 'node:child_process';

/** Tests that start the service as a process run the built `dist/`: build it once, up front. */
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
