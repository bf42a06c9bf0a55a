import type { TestProject } from 'vitest/node';

/** One id per test run, so fixture builds are shared by the run's files and never reused across runs. */
export default function setup(project: TestProject) {
	project.provide('buildRun', `${Date.now()}-${process.pid}`);
}

declare module 'vitest' {
	export interface ProvidedContext {
		buildRun: string;
	}
}
